"""Where each piece of data is shown: the one place that maps data to pages.

Each data file is rendered by one page, except levels and transitions, which
get a generated page each so that a level added in YAML gets its page with
no Markdown written.
"""

FILE_PAGES = {
    "site": "index.md",
    "ladder": "levels/index.md",
    "transitions": "transitions/index.md",
    "traps": "anti-patterns.md",
    "senior": "senior.md",
    "staff": "staff.md",
    "portfolio": "portfolio.md",
    "interviews": "interviews.md",
    "stories": "stories.md",
    "resources": "resources.md",
    "exercises": "exercises.md",
    "managers": "managers.md",
}

# kind -> (page pattern, the section index page that lists them in the navigation)
ENTITY_PAGES = {
    "level": ("levels/{id}.md", "levels/index.md"),
    "transition": ("transitions/{id}.md", "transitions/index.md"),
}
