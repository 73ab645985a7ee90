"""Reading articles from files, folders, JSON Lines, HTML and feeds."""
