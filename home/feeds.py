"""RSS and Atom feeds of a news index."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    """The latest news under one news index page, newest first."""

    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return index.seo_title or index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.search_description or index.introduction

    def items(self, index):
        return index.news()[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return item.author or None


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
