"""Form widgets of the editors' forms in Wagtail's admin, for every app's pages and snippets."""

from django import forms
from wagtail.admin.widgets import AdminDateTimeInput, SlugInput

# A list this long gets a box that narrows it to the options naming what the editor types.
FILTER_FROM = 12


class CheckboxList(forms.CheckboxSelectMultiple):
    """A multiple choice as a list of checkboxes, in groups, with a filter box when it is long:
    no Ctrl-click, and the editor sees every choice made.

    Plain choices are grouped as Django's nested choices are; model choices by ``group_by``, a
    function of the object giving its group (a competency's domain), in the order of the choices
    (a queryset fetches with them what ``group_by`` reads). The filter box works with
    ``js/checkbox-list.js``, which the widget brings along.
    """

    template_name = "cms/widgets/checkbox_list.html"

    def __init__(self, attrs=None, choices=(), group_by=None):
        super().__init__(attrs, choices)
        self.group_by = group_by

    class Media:
        js = ["js/checkbox-list.js"]
        css = {"all": ["css/checkbox-list.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        options = sum(len(group_options) for _, group_options, _ in context["widget"]["optgroups"])
        context["widget"]["filterable"] = options >= FILTER_FROM
        return context

    def optgroups(self, name, value, attrs=None):
        if self.group_by is None:
            return super().optgroups(name, value, attrs)
        groups = {}
        for choice, label in self.choices:
            groups.setdefault(str(self.group_by(choice.instance)), []).append((choice, label))
        grouped = forms.CheckboxSelectMultiple(self.attrs, list(groups.items()))
        return grouped.optgroups(name, value, attrs)


class SuggestingSlugInput(SlugInput):
    """A slug typed, or chosen from those already in use (``suggestions``, a callable: read when the
    form is shown) through the browser's own list of suggestions."""

    template_name = "cms/widgets/suggesting_slug_input.html"

    def __init__(self, suggestions, attrs=None):
        super().__init__(attrs)
        self.suggestions = suggestions

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs']['id']}-suggestions"
        context["widget"]["suggestions"] = self.suggestions()
        return context


class ClosingDateTimeInput(AdminDateTimeInput):
    """Wagtail's date-and-time picker, which closes once a date is chosen (Wagtail 8's stays open for
    the time, covering the form below it): the time is typed, or picked on opening it again."""

    def get_config(self):
        return super().get_config() | {"closeOnDateSelect": True}
