"""The lazy register model: Qt's model tester, paging, sorting and filtering in SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt

from sotttt_desktop.core.text import fold
from sotttt_desktop.services import Services
from sotttt_desktop.services.registers import RegisterFilter
from sotttt_desktop.ui.register_model import ID_ROLE, RegisterTableModel
from tests.conftest import DEMO_PARTIES


def test_model_passes_qt_model_tester(qtmodeltester, demo_services: Services) -> None:  # noqa: ANN001
    model = RegisterTableModel(demo_services, "parties")
    qtmodeltester.check(model, force_py=True)


def test_filtered_and_empty_models_pass_the_tester(qtmodeltester, demo_services: Services  # noqa: ANN001
                                                   ) -> None:
    model = RegisterTableModel(demo_services, "parties")
    model.set_filter(RegisterFilter("cong ty", {"district_code": 718}))
    qtmodeltester.check(model, force_py=True)
    model.set_filter(RegisterFilter("khongcokhongco"))
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)


def test_rows_come_sorted_by_folded_name_with_vietnamese_headers(demo_services: Services) -> None:
    model = RegisterTableModel(demo_services, "parties")
    assert model.rowCount() == DEMO_PARTIES
    assert model.column_labels()[:3] == ["Loại", "Tên", "Mã số thuế"]
    names = [fold(model.data(model.index(r, 1))) for r in range(model.rowCount())]
    assert names == sorted(names)
    last = model.index(999, 1)
    assert model.data(last) and model.data(last, ID_ROLE)


def test_sorting_by_header_is_done_by_the_database(demo_services: Services) -> None:
    model = RegisterTableModel(demo_services, "parties")
    model.sort(1, Qt.SortOrder.DescendingOrder)
    names = [fold(model.data(model.index(r, 1))) for r in range(50)]
    assert names == sorted(names, reverse=True)
    before = model.sort_state()
    model.sort(4, Qt.SortOrder.AscendingOrder)  # the address is not sortable: ignored
    assert model.sort_state() == before


def test_display_values_are_human(demo_services: Services) -> None:
    model = RegisterTableModel(demo_services, "parties")
    model.set_filter(RegisterFilter("", {"kind": "person"}))
    assert model.data(model.index(0, 0)) == "Cá nhân"
    assert model.data(model.index(0, 5)).startswith(("Thành phố", "Thị xã", "Huyện"))


def _shown_parties(qtbot, services: Services):  # noqa: ANN001, ANN202
    from sotttt_desktop.ui.widgets.register_view import RegisterView

    view = RegisterView(services, "parties")
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_headers_show_titles_and_row_numbers_that_fit_the_last_row(qtbot, demo_services: Services  # noqa: ANN001
                                                                   ) -> None:
    view = _shown_parties(qtbot, demo_services)
    titles = view.table.horizontalHeader()
    shown = [titles.model().headerData(c, Qt.Orientation.Horizontal) for c in range(titles.count())]
    assert shown == view.model.column_labels() and titles.count() == view.model.columnCount()
    header = view.table.verticalHeader()
    assert header.isVisible()
    assert view.model.headerData(999, Qt.Orientation.Vertical) == 1000  # Qt's own row numbers
    widest = header.fontMetrics().horizontalAdvance("1000")
    assert header.sizeHint().width() > widest
    assert header.width() >= widest

    view.model.set_filter(RegisterFilter("khongcokhongco"))  # no rows: Qt's own size hint
    assert view.model.rowCount() == 0
    assert header.sizeHint().isValid()


def test_clicking_a_column_title_sorts_and_an_unsortable_one_keeps_the_order(
        qtbot, demo_services: Services) -> None:  # noqa: ANN001
    from PySide6.QtCore import QPoint

    view = _shown_parties(qtbot, demo_services)
    header = view.table.horizontalHeader()

    def click(column: int) -> None:
        middle = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(middle, header.height() // 2))

    click(1)  # the name, already ascending: now descending
    assert view.model.sort_state() == (1, True)
    names = [fold(view.model.data(view.model.index(r, 1))) for r in range(30)]
    assert names == sorted(names, reverse=True)
    assert header.sortIndicatorSection() == 1
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    click(4)  # the address cannot be sorted: the order and the arrow stay
    assert view.model.sort_state() == (1, True)
    assert header.sortIndicatorSection() == 1
