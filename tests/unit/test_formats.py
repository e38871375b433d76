"""How figures read in the window, the CLI and the documents (app.formats)."""

from fractions import Fraction

from app.formats import percent


def test_a_percent_rounds_half_up_as_a_person_recounting_would():
    assert percent(Fraction(1, 8)) == "13%"  # 12.5: round() would give 12
    assert percent(Fraction(3, 8)) == "38%"  # 37.5
    assert percent(Fraction(1, 200)) == "1%"  # 0.5
    assert percent(Fraction(1, 201)) == "0%"  # 0.497…
    assert percent(Fraction(2, 3)) == "67%"
    assert (percent(Fraction(0)), percent(Fraction(1))) == ("0%", "100%")
    assert (percent(None), percent(None, none="-")) == ("–", "-")
