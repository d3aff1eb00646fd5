"""The contents of one area tab, built from its declaration when the tab is first shown."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from sotttt_desktop.areas import Area
from sotttt_desktop.i18n import _, format_date
from sotttt_desktop.registers import get_register
from sotttt_desktop.services import Services
from sotttt_desktop.ui.area_screens import AREA_SCREENS
from sotttt_desktop.ui.widgets.register_view import RegisterView

OVERVIEW_KINDS = frozenset({"permit", "dossier"})  # besides its registers, what an overview counts


def overview_text(services: Services, area: str) -> str:
    """One or two lines: each register by state and district, permits expiring, dossiers due."""
    from sotttt_desktop.registers.spec import FieldKind
    from sotttt_desktop.services.records import display_value

    data = services.overview.area(area)
    no_district, none = _("no district"), _("none")
    parts = []
    for register in data["registers"]:
        spec = get_register(register["register"])
        states = ", ".join(
            f"{display_value(spec.field('state'), state, services.reference)} {count}"
            for state, count in sorted(register["by_state"].items(), key=lambda i: -i[1])
        ) if any(f.name == "state" and f.kind is FieldKind.CHOICE for f in spec.fields) else ""
        districts = ", ".join(
            f"{services.reference.district_name(code) or no_district} {count}"
            for code, count in sorted(register["by_district"].items(), key=lambda i: -i[1])[:4])
        line = f"<b>{_(spec.title)}: {register['total']}</b>"
        if states:
            line += f" ({states})"
        if districts:
            line += " — " + _("most in: {districts}").format(districts=districts)
        if register.get("by_field"):  # e.g. the systems by approved level
            field = spec.field(spec.count_by)
            counted = sorted(register["by_field"].items(),
                             key=lambda item: (item[0] is None, item[0] or ""))
            line += " — " + _("by {field}: {counts}").format(
                field=_(field.label).lower(), counts="; ".join(
                    (display_value(field, value, services.reference) if value else none)
                    + f": {count}" for value, count in counted))
        parts.append(line)
        due = register.get("due")
        if due is not None and spec.due_watch is not None:
            line = _("{what}: {count} ({overdue} overdue).").format(
                what=_(spec.due_watch.label).format(days=due["days"]), count=due["count"],
                overdue=due["overdue"])
            if due.get("by"):  # e.g. per lead agency, the most overdue first
                group = spec.field(spec.due_watch.group_by)
                line += " " + _("By {field}: {groups}.").format(
                    field=_(group.label).lower(), groups="; ".join(
                        _("{name} {count} ({overdue} overdue)").format(
                            name=display_value(group, g["value"], services.reference),
                            count=g["count"], overdue=g["overdue"])
                        for g in due["by"][:6]))
            parts.append(line)
    if data["rule"]:
        parts.append(_("Rule in force on {day}: {basis} (since {since}).").format(
            day=format_date(data["today"]), basis=data["rule"]["short"],
            since=format_date(data["rule"]["effective_from"])))
    expiring = data["expiring_permits"]
    due = data["dossiers_due"]
    parts.append(_("Permits expiring within {days} days: {count}{first}.").format(
        days=data["expiring_days"], count=len(expiring),
        first=f" ({', '.join(p['number'] for p in expiring[:5])})" if expiring else ""))
    parts.append(_("Dossiers due within {days} days: {count}{first}.").format(
        days=data["due_days"], count=len(due),
        first=f" ({', '.join(d['code'] for d in due[:5])})" if due else ""))
    for kind in data["cases"]:  # each kind of case by state, and what its watch finds
        states = ", ".join(f"{state} {count}" for state, count in
                           sorted(kind["by_state"].items(), key=lambda i: -i[1]))
        parts.append(f"<b>{kind['label']}: {sum(kind['by_state'].values())}</b> ({states})")
        if kind.get("watch_label"):
            watched = kind["watched"]
            parts.append(f"{kind['watch_label']}: {len(watched)}" + (
                " (" + ", ".join(f"{code} {format_date(day)}" for code, day in watched[:4])
                + ")" if watched else "") + ".")
        for label, late in kind.get("overdue", ()):  # a clock whose overdue cases are counted
            parts.append(f"{label}: {len(late)}" + (
                " (" + ", ".join(f"{code} {format_date(day)}" for code, day in late[:4])
                + ")" if late else "") + ".")
    at_risk = data["cases_at_risk"]
    if at_risk:
        overdue = sum(1 for c in at_risk if c["status"] == "overdue")
        parts.append(_("Cases past or near their deadline: {count} ({overdue} overdue): "
                       "{first}.").format(
            count=len(at_risk), overdue=overdue,
            first=", ".join(f"{c['code']} {c['status_text']}" for c in at_risk[:4])))
    return "<br>".join(parts)


class AreaTab(QWidget):
    def __init__(self, services: Services, area: Area, parent: QWidget | None = None):
        super().__init__(parent)
        self.area = area
        self._services = services
        self._read_at = services.change_mark()
        self.register_views: list[RegisterView] = []
        self._tabs: QTabWidget | None = None
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{_(area.title)}</b> — {_(area.remit)}")
        heading.setWordWrap(True)
        heading.setObjectName("area_heading")
        layout.addWidget(heading)
        screen = AREA_SCREENS.get(area.key)
        if screen is not None:
            self.custom = screen(services, self)
            layout.addWidget(self.custom, 1)
            return
        from sotttt_desktop.ui.cases_view import CasesView, area_has_cases

        registers = services.registers.of_area(area.key)
        if not registers and area_has_cases(area.key):  # its declared cases, for now
            self.custom = CasesView(services, area.key, self)
            layout.addWidget(self.custom, 1)
            return
        if not registers:
            pending = QLabel(_("The registers and procedures of this area are not in this version "
                               "yet. Organisations and individuals of this area are kept in the "
                               "tab “Organisations & individuals”."))
            pending.setWordWrap(True)
            pending.setObjectName("area_pending")
            layout.addWidget(pending)
            layout.addStretch(1)
            return
        # the shared directory has no overview: grouping a million parties would delay the tab
        self.overview = QLabel(overview_text(services, area.key)
                               if area.key != "directory" else "")
        self.overview.setObjectName("area_overview")
        self.overview.setWordWrap(True)
        self.overview.setVisible(area.key != "directory")
        layout.addWidget(self.overview)
        if self.overview.isVisibleTo(self):
            from sotttt_desktop.ui.changes import ChangeWatcher

            self.overview_watcher = ChangeWatcher(
                self.overview, services,
                lambda change: change.area == area.key or change.kind in OVERVIEW_KINDS,
                self.refresh_overview)
        with_cases = area_has_cases(area.key)
        if len(registers) == 1 and not with_cases:
            view = RegisterView(services, registers[0], self)
            self.register_views.append(view)
            layout.addWidget(view, 1)
            return
        tabs = self._tabs = QTabWidget()
        for key in registers:
            view = RegisterView(services, key, self)
            self.register_views.append(view)
            tabs.addTab(view, _(get_register(key).title))
        if with_cases:  # the area's declared cases on a legal clock, beside its registers
            self.custom = CasesView(services, area.key, self)
            tabs.addTab(self.custom, _("Cases with deadlines"))
        layout.addWidget(tabs, 1)

    def refresh(self, *, if_changed: bool = False) -> None:
        """Read again what is shown: F5 always; a tab shown again only when something was
        recorded since it was last read (a count of a million parties is not free)."""
        mark = self._services.change_mark()
        if if_changed and mark == self._read_at:
            return
        self._read_at = mark
        custom = getattr(self, "custom", None)
        if custom is not None and hasattr(custom, "refresh"):
            custom.refresh()
        for view in self.register_views:
            view.refresh()
        self.refresh_overview()

    def refresh_overview(self) -> None:
        overview = getattr(self, "overview", None)
        if overview is not None and overview.isVisibleTo(self):
            watcher = getattr(self, "overview_watcher", None)
            if watcher is not None:
                watcher.pending = False
            overview.setText(overview_text(self._services, self.area.key))

    def show_register(self, key: str) -> RegisterView | None:
        """Bring the register `key` of this area to the front (None: not one of its own)."""
        view = next((v for v in self.register_views if v.register_key == key), None)
        if view is not None and self._tabs is not None:
            self._tabs.setCurrentWidget(view)
        return view

    def current_register(self) -> RegisterView | None:
        if self._tabs is not None:
            widget = self._tabs.currentWidget()
            return widget if isinstance(widget, RegisterView) else None
        return self.register_views[0] if self.register_views else None
