"""Registers of the press, radio and TV area (REFERENCE.md §1.1)."""

from __future__ import annotations

from sotttt_desktop.core.models import NewsBulletin, TvroReceiver
from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.licensed import (
    derive_sort_name,
    from_permit,
    holder_fields,
    licence_fields,
)
from sotttt_desktop.registers.spec import FieldKind, FieldSpec, RegisterSpec

NEWS_BULLETINS = RegisterSpec(
    key="news_bulletins", area="press", title=N_("News bulletins"),
    item_name=N_("news bulletin"), model=NewsBulletin, search_kind="news_bulletin",
    default_sort="title", title_field="title",
    subtitle_fields=("holder_name", "licence_no"), derive=derive_sort_name,
    from_permits={"press.bulletin": from_permit(lambda p: {
        "title": p["subject"], "purpose": p["details"].get("Mục đích"),
        "periodicity": p["details"].get("Kỳ hạn xuất bản"),
        "format": p["details"].get("Khuôn khổ, số trang"),
        "print_run": p["details"].get("Số lượng"), "language": p["details"].get("Ngôn ngữ"),
        "distribution": p["details"].get("Phạm vi phát hành"),
        "responsible": p["details"].get("Người chịu trách nhiệm")})},
    fields=(
        FieldSpec("title", N_("Bulletin name"), required=True, max_length=300, width=240,
                  searchable=True, sort_column="title",
                  unique_message=N_("A bulletin named {value} is already registered "
                                    "({name})."), aliases=("Tên bản tin",)),
        *holder_fields(),
        FieldSpec("responsible", N_("Person responsible"), max_length=200, in_table=False,
                  searchable=True, aliases=("Người chịu trách nhiệm",)),
        FieldSpec("purpose", N_("Purpose"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False),
        FieldSpec("periodicity", N_("Periodicity"), max_length=100, width=110,
                  aliases=("Kỳ hạn xuất bản",)),
        FieldSpec("format", N_("Format, pages"), max_length=100, in_table=False,
                  aliases=("Khuôn khổ, số trang",)),
        FieldSpec("print_run", N_("Print run"), max_length=100, in_table=False,
                  aliases=("Số lượng",)),
        FieldSpec("language", N_("Language"), max_length=100, in_table=False,
                  aliases=("Ngôn ngữ",)),
        FieldSpec("distribution", N_("Distribution scope"), max_length=200, in_table=False,
                  aliases=("Phạm vi phát hành",)),
        *licence_fields(),
    ),
)

TVRO_RECEIVERS = RegisterSpec(
    key="tvro_receivers", area="press", title=N_("Foreign-satellite TV receivers (TVRO)"),
    item_name=N_("TVRO receiver"), model=TvroReceiver, search_kind="tvro_receiver",
    default_sort="holder_name", title_field="site",
    subtitle_fields=("holder_name", "licence_no"), derive=derive_sort_name,
    from_permits={"press.tvro": from_permit(lambda p: {
        "site": p["details"].get("Địa điểm lắp đặt") or p["subject"],
        "channels": p["details"].get("Số kênh")})},
    fields=(
        FieldSpec("site", N_("Installation site"), required=True, max_length=300, width=240,
                  searchable=True,
                  unique_message=N_("A receiver at {value} is already registered ({name})."),
                  aliases=("Địa điểm lắp đặt",)),
        *holder_fields(),
        FieldSpec("channels", N_("Channels received"), FieldKind.MULTILINE, max_length=2000,
                  in_table=False, aliases=("Số kênh", "Kênh")),
        *licence_fields(),
    ),
)
