"""The detail panel: one participant's data, heirs, payments and coverage, read-only."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from outreach_app.domain.models import ParticipantStatus, Sex
from outreach_app.reference.dates_text import month_span, short_date
from outreach_app.reference.money_text import format_rupiah
from outreach_app.services.participants import ParticipantDetail
from outreach_app.ui.translations import date_locale


class ParticipantDetailView(QTextBrowser):
    """Each standing receipt carries a "batalkan" link: `void_requested` gives its number."""

    void_requested = Signal(str)
    print_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link)
        self.shown: ParticipantDetail | None = None
        self.clear_detail()

    def _link(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("void:"):
            self.void_requested.emit(text.removeprefix("void:"))
        elif text.startswith("print:"):
            self.print_requested.emit(text.removeprefix("print:"))

    def clear_detail(self) -> None:
        self.shown = None
        text = escape(self.tr("Pilih peserta di daftar."))
        self.setHtml(f"<p style='color:#5b6470'>{text}</p>")

    def show_detail(self, detail: ParticipantDetail) -> None:
        self.shown = detail
        p = detail.participant
        status = {
            ParticipantStatus.DRAFT: self.tr("Draf"),
            ParticipantStatus.REGISTERED: self.tr("Terdaftar, belum terlindungi"),
            ParticipantStatus.ACTIVE: self.tr("Aktif"),
            ParticipantStatus.GRACE: self.tr("Masa tenggang"),
            ParticipantStatus.LAPSED: self.tr("Berhenti"),
        }[detail.coverage.status]
        programs = "JKK, JKM" + (", JHT" if p.include_jht else "")
        base = self.tr("dasar")
        sexes = {Sex.MALE: self.tr("Laki-laki"), Sex.FEMALE: self.tr("Perempuan")}
        rows = [
            (self.tr("NIK"), p.nik or "—"),
            (self.tr("KPJ"), p.kpj or self.tr("belum terbit")),
            (self.tr("Lahir"), f"{p.birth_place}, {short_date(p.birth_date)}"),
            (self.tr("Jenis kelamin"), sexes.get(p.sex, "") if p.sex else ""),
            (self.tr("Alamat"), p.address),
            (self.tr("Desa"), detail.village.name if detail.village else ""),
            (self.tr("Telepon"), p.phone),
            (self.tr("Pekerjaan"), p.occupation),
            (self.tr("Penghasilan"), f"{format_rupiah(p.declared_income)} "
             f"({base} {format_rupiah(p.base_income)})"),
            (self.tr("Program"), programs),
            (self.tr("Periode bayar"), self.tr("{n} bulan").format(n=p.payment_months)),
            (self.tr("Pembayar"), detail.payer.name if detail.payer else self.tr("Mandiri")),
        ]  # fmt: skip
        until = detail.coverage.paid_through
        coverage = self.tr("{status}; terlindungi s.d. {until}").format(
            status=status, until=short_date(until) if until else "—"
        )
        heirs_title = self.tr("Ahli waris")
        no_heirs = self.tr("Belum ada.")
        payments_title = self.tr("Pembayaran")
        no_payments = self.tr("Belum ada pembayaran.")
        void_link = self.tr("batalkan")
        print_link = self.tr("cetak")
        voided = self.tr("BATAL")
        months = self.tr("{n} bln")
        html = [
            f"<h3>{escape(p.full_name)}</h3>",
            f"<p><b>{escape(coverage)}</b></p>",
            "<table cellspacing='2'>",
            *(
                f"<tr><td style='color:#5b6470'>{escape(k)}</td><td>{escape(v)}</td></tr>"
                for k, v in rows
            ),
            "</table>",
            f"<h4>{escape(heirs_title)}</h4>",
        ]
        if p.heirs:
            html.append("<ul>")
            html += [f"<li>{escape(h.full_name)} ({escape(h.relationship)})</li>" for h in p.heirs]
            html.append("</ul>")
        else:
            html.append(f"<p>{escape(no_heirs)}</p>")
        html += self._double_payments(detail)
        html.append(f"<h4>{escape(payments_title)}</h4>")
        if detail.payments:
            locale = date_locale()
            for pay in reversed(detail.payments):
                # Two lines a receipt, so a narrow panel never breaks a month name or an amount.
                span = month_span(pay.period_start, pay.period_end, locale)
                head = (
                    f"<b>{escape(pay.receipt_no)}</b> &nbsp; "
                    f"<span style='white-space: nowrap'>{escape(format_rupiah(pay.total))}</span>"
                )
                number = escape(pay.receipt_no)
                reprint = f"<a href='print:{number}'>{escape(print_link)}</a>"
                if pay.voided:
                    html.append(
                        "<p style='color:#8a929c; margin-bottom:6px'>"
                        f"<s>{head}</s><br/>{escape(span)} · "
                        f"<b>{escape(voided)}: {escape(pay.void_reason)}</b> · {reprint}</p>"
                    )
                else:
                    link = f"<a href='void:{number}'>{escape(void_link)}</a>"
                    html.append(
                        f"<p style='margin-bottom:6px'>{head}<br/>{escape(span)} "
                        f"({escape(months.format(n=pay.months))}) · "
                        f"{escape(short_date(pay.paid_at.date()))} · {reprint} · {link}</p>"
                    )
        else:
            html.append(f"<p>{escape(no_payments)}</p>")
        self.setHtml("".join(html))

    def _double_payments(self, detail: ParticipantDetail) -> list[str]:
        """Both agents see a double payment until staff settle it, and any credit left."""
        html = []
        locale = date_locale()
        for double in detail.double_payments:
            months = double.months
            text = self.tr(
                "PEMBAYARAN GANDA: kuitansi {receipt} ({amount}) membayar lagi {months} yang "
                "sudah dibayar dengan {first}. Menunggu penyelesaian staf cabang (kredit atau "
                "uang kembali)."
            ).format(
                receipt=double.payment.receipt_no,
                amount=format_rupiah(double.amount),
                months=month_span(months[0], months[-1], locale),
                first=double.first.receipt_no,
            )
            html.append(f"<p style='color:#b91c1c'><b>{escape(text)}</b></p>")
        if detail.credit > 0:
            text = self.tr("Kredit {amount}: dipakai pada pembayaran berikutnya.").format(
                amount=format_rupiah(detail.credit)
            )
            html.append(f"<p style='color:#1d4ed8'><b>{escape(text)}</b></p>")
        return html
