"""The block library every page body on the site is built from."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


def with_add_label(block, label):
    """``block``, a list, with its "+" buttons saying what they add (``label``, which
    js/editor-forms.js shows; a stream block says it in its Meta's ``form_attrs``). Set on the block
    once it is made rather than passed to it: what a button says is no part of the definition of the
    content, and needs no migration."""
    block.meta.form_attrs = {**(block.meta.form_attrs or {}), "data-add-label": label}
    return block


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline correct for screen readers."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class LabelledImageBlock(ImageBlock):
    """Wagtail's image with its alternative text, whose image field Wagtail labels from its name, so
    untranslated ("Image *" on the Dutch admin)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.child_blocks["image"].label = _("Image")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alternative text and an optional caption and credit."""

    image = LabelledImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Credit"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted invitation to act, leading to a page of the site or another site."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=600)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an external link"), required=False)

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or give a link, not both."))}
            )
        return value


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    documents = with_add_label(
        blocks.ListBlock(DocumentChooserBlock(), label=_("Documents"), min_num=1), _("Add a document")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document links")
        template = "blocks/document_links_block.html"


class ObjectiveBlock(blocks.StructBlock):
    """One of the programme's objectives, as a card on the home page."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    summary = blocks.TextBlock(label=_("Summary"), max_length=600)
    page = blocks.PageChooserBlock(label=_("Read more on"), required=False)

    class Meta:
        icon = "tick-inverse"
        label = _("Objective")
        template = "blocks/objective_block.html"


class BodyBlock(blocks.StreamBlock):
    """The shared library: every StreamField body on the site uses these blocks."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Paragraph"), template="blocks/paragraph_block.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentLinksBlock()
    table = TableBlock(label=_("Table"), template="blocks/table_block.html")
    embed = EmbedBlock(label=_("Embedded media"), max_width=800, template="blocks/embed_block.html")

    class Meta:
        form_attrs = {"data-add-label": _("Add a block")}


class ObjectivesBlock(blocks.StreamBlock):
    """The programme's objectives, as cards on the home page."""

    objective = ObjectiveBlock()

    class Meta:
        form_attrs = {"data-add-label": _("Add an objective")}


class FeaturedPageBlock(blocks.StructBlock):
    """A page of the site featured on the home page, in the visitor's language. A page type with a card
    of its own (a committee's public progress) names it: ``feature_template``, filled in by the page's
    ``feature_context()``; any other page gets a plain card with its title and description."""

    page = blocks.PageChooserBlock(label=_("Page"))

    class Meta:
        icon = "pick"
        label = _("Featured page")
        template = "blocks/featured_page_block.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value["page"].specific.localized if value["page"] else None
        if page is None or not page.live or page.get_view_restrictions():
            return {**context, "featured": None}  # unpublished or private since it was chosen
        feature_template = getattr(page, "feature_template", None)
        context.update(featured=page, feature_template=feature_template)
        if feature_template:
            context.update(page.feature_context())
        return context


class HomeBodyBlock(BodyBlock):
    """The home page's body: the shared library and featured pages."""

    featured_page = FeaturedPageBlock()
