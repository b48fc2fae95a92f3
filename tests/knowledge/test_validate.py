import shutil
from pathlib import Path

from veille.knowledge.loader import DATA_DIR
from veille.knowledge.validate import validate_knowledge


def test_validate_shipped_data_is_clean():
    assert validate_knowledge() == []


def _copy(tmp_path: Path) -> Path:
    for name in ("countries.yaml", "organisations.yaml", "people.yaml", "roles.yaml", "places_fr.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def _append(folder: Path, name: str, entries: str) -> None:
    """Add YAML list entries at the end of one of the copied knowledge files."""
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8") + entries, encoding="utf-8")


def test_validate_reports_schema_codes_overlaps_clashes_and_sources(tmp_path):
    d = _copy(tmp_path)
    _append(d, "organisations.yaml", "- {id: BROKEN, name: Broken, country: XXX, sector: [FOO], aliases: [CEDEAO]}\n"
                                     "- {id: NOSOURCE, name: Sans source, country: MLI, sector: [GOV]}\n")
    _append(d, "people.yaml", "- id: usurper\n  name: Usurpateur\n  country: MLI\n  source: test\n  roles:\n"
                              "  - {office: head_of_state, country: MLI, sector: [GOV], start: 2019-01-01, "
                              "end: 2019-06-01}\n")
    problems = "\n".join(validate_knowledge(d))
    assert "unknown sector code 'FOO'" in problems
    assert "unknown country code 'XXX'" in problems
    assert "alias 'cedeao' names both" in problems
    assert "NOSOURCE: missing 'source'" in problems
    assert "ibrahim-boubacar-keita and usurper both hold head_of_state of MLI" in problems


def test_validate_reports_unreadable_yaml(tmp_path):
    d = _copy(tmp_path)
    (d / "roles.yaml").write_text("roles: [unclosed\n", encoding="utf-8")
    problems = validate_knowledge(d)
    assert any(p.startswith("roles.yaml: not valid YAML") for p in problems)


def test_validate_reports_bad_members_and_default_countries(tmp_path):
    d = _copy(tmp_path)
    _append(d, "organisations.yaml", "- {id: CLUB, name: Club, country: IGO, sector: [GOV], "
                                     "members: [MLI, XXX, NGO, [1]], source: test}\n")
    _append(d, "roles.yaml", "- {id: odd, terms: [bizarre], sector: [SOC], default_country: ZZZ}\n")
    problems = "\n".join(validate_knowledge(d))
    assert "CLUB: member 'XXX' is not a country code" in problems
    assert "CLUB: member 'NGO' is not a country code" in problems  # members are states
    assert "a member must be a country code" in problems
    assert "odd: unknown default_country 'ZZZ'" in problems
