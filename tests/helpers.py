"""Reading responses the way a visitor sees them."""


def main_content(response):
    """The page's <main> element, without header and footer."""
    return response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]


def empty(cache):
    """Empty this test process's cache; in Redis, clear() would empty other workers' keys too."""
    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()
