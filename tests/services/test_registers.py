"""Register paging, sorting and filtering in SQL, as the lazy table uses them."""

from __future__ import annotations

import pytest
from sqlalchemy import UniqueConstraint

from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import FilterTooBroadError
from sotttt_desktop.registers import all_registers
from sotttt_desktop.services import Services
from sotttt_desktop.services.registers import RegisterFilter
from tests.conftest import DEMO_PARTIES


def _all_rows(services: Services, **kwargs) -> list:  # noqa: ANN003
    total = services.registers.count("parties", kwargs.get("flt"))
    return services.registers.page("parties", 0, total, **kwargs)


def test_pages_read_from_either_end_agree_with_the_full_ordering(demo_services: Services
                                                                  ) -> None:
    full = _all_rows(demo_services)
    total = len(full)
    assert total == DEMO_PARTIES
    for offset in (0, 199, 400, 501, 800, 990):
        page = demo_services.registers.page("parties", offset, 37)
        assert page == full[offset:offset + 37], offset
    names = [fold(r.values[1]) for r in full]
    assert names == sorted(names)


def test_descending_sort_is_the_reverse(demo_services: Services) -> None:
    ascending = _all_rows(demo_services)
    descending = _all_rows(demo_services, descending=True)
    assert [r.id for r in descending] == [r.id for r in reversed(ascending)]


def test_sorting_by_another_indexed_field(demo_services: Services) -> None:
    rows = _all_rows(demo_services, sort="district_code")
    codes = [r.values[5] for r in rows]
    assert codes == sorted(codes)


def test_filters_by_equality_and_text_combine(demo_services: Services) -> None:
    flt = RegisterFilter("cong ty", {"kind": "org", "district_code": 724})
    rows = _all_rows(demo_services, flt=flt)
    assert rows
    assert all(r.values[0] == "org" and r.values[5] == 724 for r in rows)
    assert all("cong ty" in fold(r.values[1]) for r in rows)
    assert demo_services.registers.count("parties", RegisterFilter("", {"kind": "person"})) + \
        demo_services.registers.count("parties", RegisterFilter("", {"kind": "org"})) == DEMO_PARTIES


def test_a_filter_too_broad_to_list_asks_for_more_words(demo_services: Services,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import sotttt_desktop.services.registers as registers

    broad = RegisterFilter("cong ty")
    matching = demo_services.registers.count("parties", broad)
    assert matching > 10
    monkeypatch.setattr(registers, "MATCHES_LISTED", 10)
    with pytest.raises(FilterTooBroadError) as refused:
        demo_services.registers.count("parties", broad)
    assert str(refused.value) == ("Hơn 10 bản ghi khớp với “cong ty”: hãy gõ thêm từ để thu hẹp "
                                  "danh sách.")
    with pytest.raises(FilterTooBroadError):
        demo_services.registers.page("parties", 0, 20, flt=broad)
    tax_code = next(r.values[2] for r in _all_rows(demo_services) if r.values[2])
    assert 0 < demo_services.registers.count("parties", RegisterFilter(tax_code)) <= 10
    assert demo_services.registers.count("parties", RegisterFilter("")) == DEMO_PARTIES  # all


def test_a_query_without_words_matches_nothing(demo_services: Services) -> None:
    assert demo_services.registers.count("parties", RegisterFilter("...")) == 0
    assert demo_services.registers.page("parties", 0, 10, flt=RegisterFilter("...")) == []


def test_every_sortable_field_is_backed_by_an_index() -> None:
    for spec in all_registers().values():
        table = spec.model.__table__
        indexed = {col.name for index in table.indexes for col in list(index.columns)[:2]}
        indexed |= {col.name for constraint in table.constraints  # UNIQUE: an index too
                    if isinstance(constraint, UniqueConstraint)
                    for col in list(constraint.columns)[:1]}
        for field in spec.fields:
            if field.sort_column:
                assert field.sort_column in indexed, (spec.key, field.name)
