"""Our form renderer writes a list's options in place; the HTML must stay Django's own."""

from django import forms
from django.forms.renderers import DjangoTemplates

from samordna.form_renderer import FormRenderer

CHOICES = [
    ("", "---------"),
    ("kvinna", "Kvinna"),
    ("Arbete", [("anstallning", "Anställning & <lön>"), ("studier", "Studier")]),
    (7, "Sju"),
]


class ListForm(forms.Form):
    one = forms.ChoiceField(choices=CHOICES, required=False)
    many = forms.MultipleChoiceField(choices=CHOICES, required=False)
    marked = forms.ChoiceField(
        choices=CHOICES, widget=forms.Select(attrs={"aria-describedby": "hjalp", "disabled": True})
    )
    picked = forms.TypedChoiceField(choices=CHOICES, widget=forms.RadioSelect, required=False)


def _html(renderer: object, data: dict[str, object]) -> str:
    form = ListForm(data, renderer=renderer)
    form.is_valid()
    return "".join(str(field) for field in form)


def test_a_list_looks_the_same_as_with_djangos_renderer():
    chosen = {"one": "studier", "many": ["kvinna", "7"], "marked": "anstallning"}
    for data in ({}, chosen):
        ours = _html(FormRenderer(), data)
        assert ours == _html(DjangoTemplates(), data)
        assert "<optgroup" in ours and "Anställning &amp; &lt;lön&gt;" in ours


def test_the_chosen_option_is_marked_selected():
    ours = _html(FormRenderer(), {"one": "studier"})
    assert '<option value="studier" selected>Studier</option>' in ours
    assert '<option value="kvinna">Kvinna</option>' in ours


class FieldForm(forms.Form):
    text = forms.CharField(max_length=20, widget=forms.TextInput(attrs={"aria-describedby": "h"}))
    day = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    count = forms.IntegerField(min_value=0, required=False)
    mail = forms.EmailField(required=False, disabled=True)
    secret = forms.CharField(required=False, widget=forms.PasswordInput(render_value=True))
    kept = forms.CharField(required=False, widget=forms.HiddenInput)
    ticked = forms.BooleanField(required=False)
    note = forms.CharField(required=False, widget=forms.Textarea)


def _fields(renderer: object, data: dict[str, object] | None) -> str:
    form = FieldForm(data, renderer=renderer)
    if data is not None:
        form.is_valid()
    return "".join(str(field) for field in form)


def test_a_text_date_or_number_field_looks_the_same_as_with_djangos_renderer():
    typed = {
        "text": 'Ann & "Bo" <i>',
        "day": "2026-13-40",
        "count": "-1",
        "secret": "x' y",
        "kept": "7",
        "ticked": "on",
        "note": "a\nb",
    }
    for data in (None, {}, typed):
        ours = _fields(FormRenderer(), data)
        assert ours == _fields(DjangoTemplates(), data)
    ours = _fields(FormRenderer(), typed)
    assert 'value="Ann &amp; &quot;Bo&quot; &lt;i&gt;"' in ours and "checked" in ours
