"""A text progress bar for long management commands."""


def progress_bar(done, total, width=30):
    """``  [#########                     ] 300/1000``"""
    filled = round(width * done / total) if total else width
    return f"  [{'#' * filled}{' ' * (width - filled)}] {done}/{total}"
