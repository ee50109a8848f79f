"""The enrolment form (F1 BPU), keyboard-first: Tab through the fields in paper order, Enter
registers, Esc cancels. Each field says what is wrong next to it as it is typed; a NIK fills
birth date, sex and region, and one already registered is caught with a link to its record.
A draft can always be saved; a failed save keeps everything typed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from outreach_app.domain.errors import DomainError
from outreach_app.domain.models import (
    MembershipType,
    Participant,
    Payer,
    Sector,
    Segment,
    Sex,
    SyncStamp,
    User,
    Village,
)
from outreach_app.reference.money_text import format_rupiah, parse_rupiah
from outreach_app.services.enrolment import EnrolmentService
from outreach_app.storage.errors import DuplicateNik, StorageUnavailable
from outreach_app.ui.dialogs.heirs import HeirsEditor
from outreach_app.ui.labels import sector_help, segment_labels
from outreach_app.ui.widgets.combo import current_enum, require_enum
from outreach_app.ui.widgets.premium_months import PremiumMonthsView

ERROR_STYLE = "color: #b91c1c;"
WARN_STYLE = "color: #b45309;"
OK_STYLE = "color: #15803d;"


def parse_day(text: str) -> dt.date | None:
    """dd-mm-yyyy (or with / or .), as written on Indonesian forms; None if not a date."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    try:
        day, month, year = (int(part) for part in cleaned.split("-"))
        return dt.date(year, month, day)
    except ValueError:
        return None


class EnrolmentDialog(QDialog):
    participant_saved = Signal(str)  # id, after a draft or a registration
    existing_requested = Signal(str)  # the user followed the link to a duplicate's record

    def __init__(
        self,
        service: EnrolmentService,
        villages: list[Village],
        payers: list[Payer],
        actor: User,
        draft: Participant | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._actor = actor
        self._draft = draft
        self._existing_id: str | None = None
        self.setWindowTitle(self.tr("Pendaftaran peserta BPU (F1)"))
        self.setMinimumWidth(1000)

        self.nik = QLineEdit()
        self.nik.setMaxLength(20)
        self.nik.setPlaceholderText(self.tr("16 digit"))
        self.nik_note = self._note()
        self.nik_note.setOpenExternalLinks(False)
        self.nik_note.linkActivated.connect(self._open_existing)
        self.full_name = QLineEdit()
        self.name_note = self._note()
        self.birth_place = QLineEdit()
        self.birth_date = QLineEdit()
        self.birth_date.setPlaceholderText(self.tr("hh-bb-tttt"))
        self.birth_note = self._note()
        self.sex = QComboBox()
        self.sex.addItem("—", None)
        self.sex.addItem(self.tr("Laki-laki"), Sex.MALE)
        self.sex.addItem(self.tr("Perempuan"), Sex.FEMALE)
        self.address = QLineEdit()
        self.village = QComboBox()
        self.village.setEditable(True)
        self.village.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.village.addItem("—", None)
        for v in villages:
            self.village.addItem(f"{v.name} — {v.district}, {v.regency}", v.stamp.id)
        self.postal_code = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.occupation = QLineEdit()
        self.sector = QComboBox()
        self.sector.addItem(self.tr("Bukan transportasi (termasuk nelayan)"), Sector.OTHER)
        self.sector.addItem(self.tr("Transportasi (ojek, pengemudi, kurir)"), Sector.TRANSPORT)
        self.sector.setToolTip(sector_help())
        self.work_location = QLineEdit()
        self.segment = QComboBox()
        for segment, label in segment_labels().items():
            self.segment.addItem(label, segment)
        self.income = QLineEdit()
        self.income.setPlaceholderText(self.tr("mis. 1.500.000"))
        self.income_note = self._note()
        self.jht = QCheckBox(self.tr("Ikut JHT (Jaminan Hari Tua, 2%)"))
        self.months = QComboBox()
        for months in service.periods():
            self.months.addItem(self.tr("{n} bulan").format(n=months), months)
        self.payer = QComboBox()
        self.payer.addItem(self.tr("Mandiri (bayar sendiri)"), None)
        for payer in payers:
            self.payer.addItem(payer.name, payer.stamp.id)
        self.membership = QComboBox()
        self.membership.addItem(self.tr("BPU (bukan penerima upah)"), MembershipType.BPU)
        self.membership.addItem(self.tr("PU (penerima upah, mis. kepala desa)"), MembershipType.PU)
        self.mother = QLineEdit()
        self.heirs = HeirsEditor()
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setObjectName("preview")
        self.months_view = PremiumMonthsView()  # month by month, adding up to the total
        self.message = QLabel()
        self.message.setWordWrap(True)

        # The NIK decides most of the form: it gets a full-width row, its note beside it.
        self.nik.setFixedWidth(220)
        nik_row = QHBoxLayout()
        nik_label = QLabel(self.tr("NIK"))
        nik_label.setBuddy(self.nik)
        nik_row.addWidget(nik_label)
        nik_row.addWidget(self.nik)
        nik_row.addWidget(self.nik_note, 1)
        form = QFormLayout()
        form.addRow(self.tr("Nama lengkap"), self._with_note(self.full_name, self.name_note))
        form.addRow(self.tr("Tempat lahir"), self.birth_place)
        form.addRow(self.tr("Tanggal lahir"), self._with_note(self.birth_date, self.birth_note))
        form.addRow(self.tr("Jenis kelamin"), self.sex)
        form.addRow(self.tr("Alamat"), self.address)
        form.addRow(self.tr("Desa"), self.village)
        form.addRow(self.tr("Kode pos"), self.postal_code)
        form.addRow(self.tr("Telepon"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        right = QFormLayout()
        right.addRow(self.tr("Pekerjaan"), self.occupation)
        right.addRow(self.tr("Sektor"), self.sector)
        right.addRow(self.tr("Lokasi kerja"), self.work_location)
        right.addRow(self.tr("Segmen"), self.segment)
        right.addRow(self.tr("Penghasilan/bulan"), self._with_note(self.income, self.income_note))
        right.addRow(self.tr("Program"), self.jht)
        right.addRow(self.tr("Periode bayar"), self.months)
        right.addRow(self.tr("Pembayar"), self.payer)
        right.addRow(self.tr("Kepesertaan"), self.membership)
        right.addRow(self.tr("Nama ibu kandung"), self.mother)
        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(right, 1)

        self.buttons = QDialogButtonBox()
        self.register_button = self.buttons.addButton(
            self.tr("Daftarkan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.draft_button = QPushButton(self.tr("Simpan draf"))
        self.buttons.addButton(self.draft_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(
            self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.register)
        self.buttons.rejected.connect(self.reject)
        self.draft_button.clicked.connect(self.save_draft)

        layout = QVBoxLayout(self)
        layout.addLayout(nik_row)
        layout.addLayout(columns)
        layout.addWidget(QLabel(self.tr("Ahli waris")))
        layout.addWidget(self.heirs)
        layout.addWidget(self.preview)
        layout.addWidget(self.months_view)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        # Enter registers, Esc cancels; a default set before the box joined the dialog is lost.
        self.register_button.setDefault(True)

        self.nik.textChanged.connect(self._check_nik)
        self.full_name.textChanged.connect(self._check_name)
        self.birth_date.textChanged.connect(self._check_birth)
        self.sex.currentIndexChanged.connect(self._check_nik)
        for signal in (
            self.income.textChanged,
            self.jht.toggled,
            self.months.currentIndexChanged,
            self.payer.currentIndexChanged,
            self.sector.currentIndexChanged,
        ):
            signal.connect(self._update_preview)
        if draft is not None:
            self._fill(draft)
        self._update_preview()

    # --- layout helpers -------------------------------------------------------------------

    @staticmethod
    def _note() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        return label

    @staticmethod
    def _with_note(field: QWidget, note: QLabel) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field)
        layout.addWidget(note)
        return box

    @staticmethod
    def _say(label: QLabel, text: str, style: str) -> None:
        label.setText(text)
        label.setStyleSheet(style)

    # --- live validation ------------------------------------------------------------------

    def _check_nik(self) -> None:
        text = self.nik.text()
        self._existing_id = None
        if not text.strip():
            self._say(self.nik_note, "", OK_STYLE)
            return
        check = self._service.check_nik(
            text, parse_day(self.birth_date.text()), current_enum(self.sex, Sex)
        )
        info = check.info
        if not info.valid:
            self._say(self.nik_note, " ".join(info.errors), ERROR_STYLE)
            return
        if check.existing is not None and (
            self._draft is None or check.existing.stamp.id != self._draft.stamp.id
        ):
            self._existing_id = check.existing.stamp.id
            self._say(
                self.nik_note,
                self.tr("NIK ini sudah terdaftar atas nama {name}.").format(
                    name=check.existing.full_name
                )
                + ' <a href="existing">{}</a>'.format(self.tr("Buka data yang ada")),
                ERROR_STYLE,
            )
            return
        if not self.birth_date.text().strip() and info.birth_date:
            self.birth_date.setText(info.birth_date.strftime("%d-%m-%Y"))
        if self.sex.currentData() is None and info.sex:
            self.sex.setCurrentIndex(self.sex.findData(info.sex))
        warnings = self._service.check_nik(
            text, parse_day(self.birth_date.text()), current_enum(self.sex, Sex)
        ).warnings
        region = info.region or self.tr("wilayah tidak dikenal")
        if warnings:
            self._say(self.nik_note, f"{region}. " + " ".join(warnings), WARN_STYLE)
        else:
            self._say(self.nik_note, f"✓ {region}", OK_STYLE)

    def _check_name(self) -> None:
        empty = not self.full_name.text().strip()
        self._say(
            self.name_note, self.tr("Nama lengkap wajib diisi.") if empty else "", ERROR_STYLE
        )

    def _check_birth(self) -> None:
        text = self.birth_date.text().strip()
        if text and parse_day(text) is None:
            self._say(self.birth_note, self.tr("Tulis tanggal sebagai hh-bb-tttt."), ERROR_STYLE)
        else:
            self._say(self.birth_note, "", OK_STYLE)
        if self.nik.text().strip():
            self._check_nik()

    def _income(self) -> int | None:
        try:
            return parse_rupiah(self.income.text()) if self.income.text().strip() else None
        except ValueError as exc:
            self._say(self.income_note, str(exc), ERROR_STYLE)
            return None

    def _update_preview(self) -> None:
        income = self._income()
        self.months_view.clear()
        if income is None:
            self.preview.setText(self.tr("Isi penghasilan untuk melihat iuran."))
            return
        try:
            b = self._service.preview(
                income,
                self.months.currentData(),
                self.jht.isChecked(),
                self.payer.currentData(),
                require_enum(self.sector, Sector),
            )
        except DomainError as exc:
            self._say(self.income_note, str(exc), ERROR_STYLE)
            self.preview.setText("")
            return
        note = self.tr("dasar {base}").format(base=format_rupiah(b.base_income))
        if b.base_income > income:
            note = self.tr("di bawah minimum: dasar {base}").format(
                base=format_rupiah(b.base_income)
            )
        elif b.base_income < income:  # PP 44/2015 Lampiran II's ceiling
            note = self.tr("di atas batas tertinggi: dasar {base}").format(
                base=format_rupiah(b.base_income)
            )
        self._say(self.income_note, note, OK_STYLE)
        self.preview.setText(self.tr("Iuran bila dibayar mulai bulan ini:"))
        self.months_view.show_breakdown(b)

    def _open_existing(self, _link: str) -> None:
        if self._existing_id:
            self.existing_requested.emit(self._existing_id)
            self.reject()

    # --- the record -----------------------------------------------------------------------

    def participant(self) -> Participant:
        """What the form holds now, as a (possibly incomplete) participant."""
        base = self._draft or Participant(
            stamp=SyncStamp.new(), nik=None, full_name="", birth_place="", birth_date=None,
            sex=None, address="", village_id=None, postal_code="", phone="", email="",
            occupation="", sector=Sector.OTHER, work_location="", declared_income=0,
            base_income=0, include_jht=False, payment_months=1, payer_id=None,
            segment=Segment.LAINNYA,
        )  # fmt: skip
        nik = "".join(ch for ch in self.nik.text() if ch.isdigit())
        return replace(
            base,
            nik=nik or None,
            nik_typed=self.nik.text().strip(),
            full_name=self.full_name.text().strip(),
            birth_place=self.birth_place.text().strip(),
            birth_date=parse_day(self.birth_date.text()),
            sex=current_enum(self.sex, Sex),
            address=self.address.text().strip(),
            village_id=self.village.currentData(),
            postal_code=self.postal_code.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            occupation=self.occupation.text().strip(),
            sector=require_enum(self.sector, Sector),
            work_location=self.work_location.text().strip(),
            segment=require_enum(self.segment, Segment),
            declared_income=self._income() or 0,
            include_jht=self.jht.isChecked(),
            payment_months=self.months.currentData(),
            payer_id=self.payer.currentData(),
            membership=require_enum(self.membership, MembershipType),
            mothers_maiden_name=self.mother.text().strip(),
            heirs=self.heirs.heirs(base.stamp.id),
        )

    def _fill(self, p: Participant) -> None:
        self.nik.setText(p.nik or p.nik_typed)
        self.full_name.setText(p.full_name)
        self.birth_place.setText(p.birth_place)
        self.birth_date.setText(p.birth_date.strftime("%d-%m-%Y") if p.birth_date else "")
        self.sex.setCurrentIndex(max(0, self.sex.findData(p.sex)))
        self.address.setText(p.address)
        self.village.setCurrentIndex(max(0, self.village.findData(p.village_id)))
        for widget, value in (
            (self.postal_code, p.postal_code), (self.phone, p.phone), (self.email, p.email),
            (self.occupation, p.occupation), (self.work_location, p.work_location),
            (self.mother, p.mothers_maiden_name),
        ):  # fmt: skip
            widget.setText(value)
        self.sector.setCurrentIndex(max(0, self.sector.findData(p.sector)))
        self.segment.setCurrentIndex(max(0, self.segment.findData(p.segment)))
        self.income.setText(format_rupiah(p.declared_income)[2:] if p.declared_income else "")
        self.jht.setChecked(p.include_jht)
        self.months.setCurrentIndex(max(0, self.months.findData(p.payment_months)))
        self.payer.setCurrentIndex(max(0, self.payer.findData(p.payer_id)))
        self.membership.setCurrentIndex(max(0, self.membership.findData(p.membership)))
        self.heirs.set_heirs(p.heirs)

    def register(self) -> None:
        self._save(register=True)

    def save_draft(self) -> None:
        self._save(register=False)

    def _save(self, register: bool) -> None:
        record = self.participant()
        try:
            if register:
                saved_id, warnings = self._service.register(record, self._actor)
            else:
                saved_id, warnings = self._service.save_draft(record, self._actor), ()
        except DuplicateNik as exc:
            self._existing_id = exc.existing_id
            self._fail(self.tr("NIK {nik} sudah terdaftar. Buka data yang ada dari catatan NIK.")
                       .format(nik=exc.nik))  # fmt: skip
            return
        except DomainError as exc:
            self._fail(str(exc))
            return
        except StorageUnavailable as exc:
            self._fail(self.tr("Belum tersimpan: {error} Data di formulir tetap ada.").format(
                error=exc))  # fmt: skip
            return
        del warnings  # shown live next to the NIK already
        self.participant_saved.emit(saved_id)
        self.accept()

    def _fail(self, text: str) -> None:
        """The form stays open and filled; the reason is shown above the buttons."""
        self._say(self.message, text, ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
