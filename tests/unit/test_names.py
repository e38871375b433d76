"""Name matching for duplicate candidates (issue #3): common Indonesian variants."""

from __future__ import annotations

import pytest

from app.domain.names import name_key, similar_names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Muhammad Rizki", "Muhamad Rizki"),
        ("Moch. Rizki", "Mohammad  Rizki"),
        ("M. Rizki", "Muhammad Rizki"),
        ("H. Ahmad Fauzi, S.Kom.", "Achmad Fauzi"),
        ("Siti Nurhaliza", "siti nurhaliza"),
        ("Soeharto Wibowo", "Suharto Wibowo"),
        ("Djoko Susilo", "Joko Susilo"),
        ("Rizki Muhammad", "Muhammad Rizki"),
        ("Dewi Lestari", "Dewi Lestar"),  # one letter missing
    ],
)
def test_same_person_spelled_differently(a, b):
    assert similar_names(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Budi Santoso", "Budi Setiawan"), ("Siti Aminah", "Siti Rahmawati"), ("Eko", "Eka Putri")],
)
def test_different_people(a, b):
    assert not similar_names(a, b)


def test_key_drops_titles_and_punctuation():
    assert name_key("Dr. Ir. H. Moch. Hatta, M.T.") == "muhammad hatta"
