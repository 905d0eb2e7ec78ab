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

# Entities shown on another page than their data file's. Glue work and the brag document are written up in
# staff.yml, but they matter from the first years on, so they live on a page that readers of every level find.
KIND_PAGES = {
    "glue_work": "visibility.md",
    "brag_document": "visibility.md",
}
