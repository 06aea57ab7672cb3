"""What a browser posts from Wagtail's page editor, built from the editor's own form.

The editor's StreamFields are drawn by script, so the page's HTML holds none of their inputs; the
data is made here from each field's value the way the editor's widgets send it back.
"""

from django import forms
from wagtail import blocks
from wagtail.blocks.base import BlockWidget


def edit_form_data(form, **changes):
    """POST data of Wagtail's edit form ``form`` (from the edit view's context), with ``changes``."""
    data = {}
    add_form(data, form)
    for name, value in changes.items():
        data[form.add_prefix(name)] = value
    return data


def add_form(data, form):
    for bound in form:
        data.update(field_data(bound))
    for formset in getattr(form, "formsets", {}).values():
        add_form(data, formset.management_form)
        for child in formset.forms:
            add_form(data, child)


def field_data(bound):
    widget, value = bound.field.widget, bound.value()
    if isinstance(widget, BlockWidget):
        return block_data(
            widget.block_def, bound.field.block.to_python(value) if value else value, bound.html_name
        )
    if isinstance(widget, forms.CheckboxInput):
        return {bound.html_name: "on"} if value else {}
    if isinstance(widget, forms.SelectMultiple | forms.CheckboxSelectMultiple):
        return {bound.html_name: [str(item) for item in value or []]}
    formatted = widget.format_value(value)
    return {bound.html_name: "" if formatted is None else formatted}


def block_data(block, value, prefix):
    """The editor's inputs for ``value`` of ``block`` under ``prefix``."""
    if isinstance(block, blocks.StreamBlock):
        children = [(child.block_type, child.value, child.id) for child in value or []]
        return sequence_data(prefix, children, lambda name: block.child_blocks[name])
    if isinstance(block, blocks.ListBlock):
        children = [(None, child.value, child.id) for child in value.bound_blocks] if value else []
        return sequence_data(prefix, children, lambda name: block.child_block)
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(block_data(child, value[name] if value else child.get_default(), f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.FieldBlock):
        return field_block_data(block, value, prefix)
    return {}


def sequence_data(prefix, children, child_block):
    data = {f"{prefix}-count": str(len(children))}
    for i, (name, value, block_id) in enumerate(children):
        data.update(
            {f"{prefix}-{i}-deleted": "", f"{prefix}-{i}-order": str(i), f"{prefix}-{i}-id": block_id or ""}
        )
        if name is not None:
            data[f"{prefix}-{i}-type"] = name
        data.update(block_data(child_block(name), value, f"{prefix}-{i}-value"))
    return data


def field_block_data(block, value, prefix):
    value = block.value_for_form(value)
    if isinstance(block, blocks.ChooserBlock):
        value = value.pk if hasattr(value, "pk") else value
    widget = block.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return {prefix: "on"} if value else {}
    if isinstance(widget, forms.SelectMultiple | forms.CheckboxSelectMultiple):
        return {prefix: [str(item) for item in value or []]}
    formatted = widget.format_value(value)
    return {prefix: "" if formatted is None else formatted}
