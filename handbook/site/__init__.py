"""What the site gets from the data besides rendered pages: open data, the joined script, printing,
the link to the source, and the base's folders for a company's configuration."""
