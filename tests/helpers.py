"""Reading responses the way a visitor sees them."""


def main_content(response):
    """The page's <main> element, without header and footer."""
    return response.content.decode().split('<main id="main"', 1)[1].split("</main>", 1)[0]
