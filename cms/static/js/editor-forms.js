// The editor's forms, on every page and snippet edit form (cms/wagtail_hooks.py): what each "+" of a
// StreamField or list adds, and date pickers that leave the form's action buttons free.
(function () {
    // A block names what its "+" adds in data-add-label (its form_attrs); Wagtail draws the buttons
    // as blocks are added and removed, so each new one is labelled as it comes.
    var SEQUENCE = "[data-streamfield-stream-container], [data-streamfield-list-container]";

    function label(button) {
        var sequence = button.closest(SEQUENCE);
        var text = sequence && sequence.parentElement.dataset.addLabel;
        if (!text || button.querySelector(".add-label")) return;
        var name = document.createElement("span");
        name.className = "add-label";
        name.textContent = text;
        button.append(name);
        button.title = text;
    }

    function labelWithin(node) {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        if (node.matches(".c-sf-add-button")) label(node);
        node.querySelectorAll(".c-sf-add-button").forEach(label);
    }

    new MutationObserver(function (changes) {
        changes.forEach(function (change) {
            change.addedNodes.forEach(labelWithin);
        });
    }).observe(document.body, { childList: true, subtree: true });
    labelWithin(document.body);

    // The date picker opens below its field, over the fixed footer with the save and publish buttons
    // when the field is low on the screen: then it opens above the field. Runs after the picker has
    // placed itself (its own handler is on the picker, this one on the document).
    if (!window.jQuery) return;
    window.jQuery(document).on("open.xdsoft", ".xdsoft_datetimepicker", function () {
        var picker = this;
        var input = window.jQuery(picker).data("input");
        var footer = document.querySelector("footer.footer");
        if (!input || !footer) return;
        var box = picker.getBoundingClientRect();
        var above = input[0].getBoundingClientRect().top - box.height - 1;
        if (box.bottom > footer.getBoundingClientRect().top && above >= 0) {
            picker.style.top = parseFloat(getComputedStyle(picker).top) + above - box.top + "px";
        }
    });
})();
