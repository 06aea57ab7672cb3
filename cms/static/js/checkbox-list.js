// The filter box of a long checkbox list in the editor (cms/widgets.py, CheckboxList): shows the
// options whose label, or whose group's name, holds what the editor types. Without JavaScript the
// box stays hidden and the whole list shows.
window.wagtail.app.register(
    "checkbox-list",
    class extends window.StimulusModule.Controller {
        static targets = ["box", "option", "group", "none"];

        connect() {
            this.boxTarget.hidden = false;
        }

        filter(event) {
            const wanted = plain(event.target.value);
            let shown = 0;
            this.optionTargets.forEach((option) => {
                const group = option.closest("fieldset")?.querySelector("legend")?.textContent || "";
                option.hidden = !plain(option.textContent + " " + group).includes(wanted);
                shown += option.hidden ? 0 : 1;
            });
            this.groupTargets.forEach((group) => {
                group.hidden = !group.querySelector("[data-checkbox-list-target='option']:not([hidden])");
            });
            this.noneTarget.hidden = shown > 0;
        }

        // Enter in the filter box must not submit the page's form.
        stay(event) {
            event.preventDefault();
        }
    },
);

function plain(text) {
    return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().trim();
}
