<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Loket Vokasi</source>
        <translation>Tentang Loket Vokasi</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versi {version}</translation>
    </message>
    <message>
        <source>Counter program of the BPJAMSOSTEK vocational training programme. Python {python}, Qt {qt}.</source>
        <translation>Program loket program pelatihan vokasi BPJAMSOSTEK. Python {python}, Qt {qt}.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>tidak terpasang</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>tidak disebutkan</translation>
    </message>
    <message>
        <source>Each library&apos;s full licence text comes with it (in the program folder, in the library&apos;s .dist-info folder).</source>
        <translation>Teks lengkap lisensi setiap pustaka disertakan bersamanya (di folder program, dalam folder .dist-info pustaka itu).</translation>
    </message>
    <message>
        <source>Region data</source>
        <translation>Data wilayah</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <source>The libraries the program is built on:</source>
        <translation>Pustaka yang menjadi dasar program ini:</translation>
    </message>
    <message>
        <source>The licence text: &lt;a href=&quot;{url}&quot;&gt;{file}&lt;/a&gt;</source>
        <translation>Teks lisensinya: &lt;a href=&quot;{url}&quot;&gt;{file}&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <source>Add staff</source>
        <translation>Tambah staf</translation>
    </message>
    <message>
        <source>The new staff member signs in with the temporary password and must then choose their own.</source>
        <translation>Staf baru masuk dengan kata sandi sementara, lalu wajib membuat kata sandinya sendiri.</translation>
    </message>
    <message>
        <source>e.g. loket.rina</source>
        <translation>mis. loket.rina</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Kata sandi sementara</translation>
    </message>
</context>
<context>
    <name>ApprovalDialog</name>
    <message>
        <source>Supervisor approval</source>
        <translation>Persetujuan supervisor</translation>
    </message>
    <message>
        <source>{day} is approved. A supervisor signs in to allow the change; their name is kept with the mark and in the audit log.</source>
        <translation>{day} sudah disetujui. Supervisor masuk untuk mengizinkan perubahan; namanya disimpan bersama tanda kehadiran dan di log audit.</translation>
    </message>
    <message>
        <source>Supervisor&apos;s username</source>
        <translation>Nama pengguna supervisor</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Approve the change</source>
        <translation>Setujui perubahan</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <source>All present (Ctrl+H)</source>
        <translation>Semua hadir (Ctrl+H)</translation>
    </message>
    <message>
        <source>Approve day</source>
        <translation>Setujui hari</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>Hapus hari</translation>
    </message>
    <message>
        <source>Add make-up day</source>
        <translation>Tambah hari pengganti</translation>
    </message>
    <message>
        <source>Keys: H present · I excused · S sick · A absent, then the next person. Arrows and Tab move.</source>
        <translation>Tombol: H hadir · I izin · S sakit · A alpa, lalu ke peserta berikutnya. Panah dan Tab untuk berpindah.</translation>
    </message>
    <message>
        <source>approved by {name}</source>
        <translation>disetujui oleh {name}</translation>
    </message>
    <message>
        <source>not yet held</source>
        <translation>belum berlangsung</translation>
    </message>
    <message>
        <source>This day has not come yet.</source>
        <translation>Hari itu belum tiba.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Approved by {name}</source>
        <translation>Disetujui oleh {name}</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Hadir</translation>
    </message>
    <message>
        <source>{day}: {n} of {total} present</source>
        <translation>{day}: {n} dari {total} hadir</translation>
    </message>
</context>
<context>
    <name>CallList</name>
    <message>
        <source>Show the calls due up to this day</source>
        <translation>Tampilkan panggilan yang jatuh tempo sampai tanggal ini</translation>
    </message>
    <message>
        <source>Due up to</source>
        <translation>Jatuh tempo sampai</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>Catat hasil…</translation>
    </message>
    <message>
        <source>Matching vacancies…</source>
        <translation>Lowongan yang cocok…</translation>
    </message>
    <message>
        <source>Open WhatsApp</source>
        <translation>Buka WhatsApp</translation>
    </message>
    <message>
        <source>{n} calls: {overdue} overdue, {week} this week</source>
        <translation>{n} panggilan: {overdue} terlambat, {week} minggu ini</translation>
    </message>
    <message>
        <source>and {later} later</source>
        <translation>dan {later} nanti</translation>
    </message>
    <message>
        <source>Nobody is due for a follow-up call up to {day}.</source>
        <translation>Tidak ada panggilan pemantauan yang jatuh tempo sampai {day}.</translation>
    </message>
</context>
<context>
    <name>CallModel</name>
    <message>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Minggu ini</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>(withdrew)</source>
        <translation>(mundur)</translation>
    </message>
    <message>
        <source>Open chat</source>
        <translation>Buka chat</translation>
    </message>
    <message>
        <source>Click to open a WhatsApp chat with {name}: {link}</source>
        <translation>Klik untuk membuka chat WhatsApp dengan {name}: {link}</translation>
    </message>
    <message>
        <source>{name} does not use WhatsApp: call the number</source>
        <translation>{name} tidak memakai WhatsApp: telepon nomornya</translation>
    </message>
    <message>
        <source>{name} withdrew from the cohort; still followed up</source>
        <translation>{name} mengundurkan diri dari angkatan; tetap dipantau</translation>
    </message>
</context>
<context>
    <name>CashCloseTab</name>
    <message>
        <source>Receipt</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Keperluan</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Today&apos;s receipts</source>
        <translation>Kuitansi hari ini</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Cash in the drawer</source>
        <translation>Uang tunai di laci</translation>
    </message>
    <message>
        <source>Opening cash</source>
        <translation>Saldo awal</translation>
    </message>
    <message>
        <source>Cash counted</source>
        <translation>Fisik kas</translation>
    </message>
    <message>
        <source>Paid out in cash</source>
        <translation>Dibayar tunai</translation>
    </message>
    <message>
        <source>Returned (reversals)</source>
        <translation>Dikembalikan (pembatalan)</translation>
    </message>
    <message>
        <source>Expected in the drawer</source>
        <translation>Seharusnya ada</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Cash close report…</source>
        <translation>Laporan tutup kas…</translation>
    </message>
    <message>
        <source>Close the cash…</source>
        <translation>Tutup kas…</translation>
    </message>
    <message>
        <source>Counter {counter} — {day}</source>
        <translation>Loket {counter} — {day}</translation>
    </message>
    <message>
        <source>Closed by {by}, signed by {approver}, {when}</source>
        <translation>Ditutup oleh {by}, disetujui {approver}, {when}</translation>
    </message>
    <message>
        <source>Not closed yet</source>
        <translation>Belum ditutup</translation>
    </message>
    <message>
        <source>cash received this morning</source>
        <translation>uang tunai yang diterima pagi ini</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>{n} receipts: {first} – {last}</source>
        <translation>{n} kuitansi: {first} – {last}</translation>
    </message>
    <message>
        <source>No receipt today.</source>
        <translation>Belum ada kuitansi hari ini.</translation>
    </message>
    <message>
        <source>Void: {numbers}</source>
        <translation>Batal: {numbers}</translation>
    </message>
    <message>
        <source>No void receipt.</source>
        <translation>Tidak ada kuitansi batal.</translation>
    </message>
    <message>
        <source>Reversal: {what}</source>
        <translation>Pembatalan: {what}</translation>
    </message>
    <message>
        <source>(void)</source>
        <translation>(batal)</translation>
    </message>
    <message>
        <source>type the opening cash first</source>
        <translation>ketik saldo awal dulu</translation>
    </message>
    <message>
        <source>write whole rupiah, e.g. 1.500.000</source>
        <translation>tulis rupiah utuh, mis. 1.500.000</translation>
    </message>
    <message>
        <source>count the cash and type it in</source>
        <translation>hitung uang di laci lalu ketik jumlahnya</translation>
    </message>
    <message>
        <source>short by {amount}</source>
        <translation>kurang {amount}</translation>
    </message>
    <message>
        <source>over by {amount}</source>
        <translation>lebih {amount}</translation>
    </message>
    <message>
        <source>matches</source>
        <translation>sesuai</translation>
    </message>
    <message>
        <source>Close the cash</source>
        <translation>Tutup kas</translation>
    </message>
    <message>
        <source>After the close this counter records no more payments today. The supervisor signs the figures as they are, difference included.</source>
        <translation>Setelah kas ditutup, loket ini tidak mencatat pembayaran lagi hari ini. Supervisor menyetujui angka apa adanya, termasuk selisihnya.</translation>
    </message>
    <message>
        <source>Cash close</source>
        <translation>Tutup kas</translation>
    </message>
</context>
<context>
    <name>CertificateFiles</name>
    <message>
        <source>Print the certificates into</source>
        <translation>Cetak sertifikat ke berkas</translation>
    </message>
    <message>
        <source>Save one PDF per person in</source>
        <translation>Simpan satu PDF per orang di</translation>
    </message>
    <message>
        <source>Print certificates</source>
        <translation>Cetak sertifikat</translation>
    </message>
    <message>
        <source>Issuing and recording the certificates…</source>
        <translation>Menerbitkan dan mencatat sertifikat…</translation>
    </message>
    <message>
        <source>Certificate {done} of {total}…</source>
        <translation>Sertifikat {done} dari {total}…</translation>
    </message>
    <message>
        <source>{n} certificates: {issued} newly issued, {copies} copies.</source>
        <translation>{n} sertifikat: {issued} baru diterbitkan, {copies} salinan.</translation>
    </message>
    <message>
        <source>Certificates saved</source>
        <translation>Sertifikat disimpan</translation>
    </message>
    <message>
        <source>One PDF each in {folder}.</source>
        <translation>Satu PDF per orang di {folder}.</translation>
    </message>
</context>
<context>
    <name>CertificateList</name>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Reprint (SALINAN)</source>
        <translation>Cetak ulang (SALINAN)</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Cabut…</translation>
    </message>
    <message>
        <source>office {office}</source>
        <translation>kantor {office}</translation>
    </message>
    <message>
        <source>There is no cohort yet.</source>
        <translation>Belum ada angkatan.</translation>
    </message>
    <message>
        <source>{n} graduates</source>
        <translation>{n} lulusan</translation>
    </message>
    <message>
        <source>Cohort {code} is run by office {office}: only that office issues, prints and revokes its certificates. Here they can be viewed and checked.</source>
        <translation>Angkatan {code} diselenggarakan kantor {office}: hanya kantor itu yang menerbitkan, mencetak dan mencabut sertifikatnya. Di sini sertifikatnya dapat dilihat dan diperiksa.</translation>
    </message>
    <message>
        <source>Cohort {code} was cancelled: it has no certificates.</source>
        <translation>Angkatan {code} dibatalkan: tidak ada sertifikatnya.</translation>
    </message>
    <message>
        <source>Cohort {code} is not finished yet: certificates are issued to its graduates once the cohort is finished (page Angkatan).</source>
        <translation>Angkatan {code} belum selesai: sertifikat diterbitkan untuk lulusannya setelah angkatan dinyatakan selesai (halaman Angkatan).</translation>
    </message>
    <message>
        <source>Cohort {code} has no graduates (lulus) yet.</source>
        <translation>Angkatan {code} belum memiliki lulusan.</translation>
    </message>
    <message>
        <source>Revoke certificate</source>
        <translation>Cabut sertifikat</translation>
    </message>
    <message>
        <source>A revoked certificate stays on record and every check of it says DICABUT, at every office and on the server&apos;s page; it cannot be undone. Printing this person&apos;s certificate again issues a new one.</source>
        <translation>Sertifikat yang dicabut tetap tercatat dan setiap pemeriksaannya menyatakan DICABUT, di semua kantor dan di halaman server; pencabutan tidak dapat dibatalkan. Mencetak lagi sertifikat orang ini akan menerbitkan sertifikat baru.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>Cetakan</translation>
    </message>
    <message>
        <source>e.g. name misspelt; the person gets a new certificate</source>
        <translation>mis. nama salah ketik; peserta mendapat sertifikat baru</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>Sertifikat dicabut</translation>
    </message>
    <message>
        <source>Certificate {number} is revoked as of {day}.</source>
        <translation>Sertifikat {number} dicabut per {day}.</translation>
    </message>
</context>
<context>
    <name>CertificateModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Certificate number</source>
        <translation>Nomor sertifikat</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>Cetakan</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>⚠ {n} more live certificate(s) for this training</source>
        <translation>⚠ {n} sertifikat lain yang masih berlaku untuk pelatihan ini</translation>
    </message>
    <message>
        <source>replaces {number} (revoked)</source>
        <translation>menggantikan {number} (dicabut)</translation>
    </message>
    <message>
        <source>Another counter issued a certificate for the same training while offline: revoke the one the person did not receive.</source>
        <translation>Loket lain menerbitkan sertifikat untuk pelatihan yang sama saat luring: cabut sertifikat yang tidak diterima peserta.</translation>
    </message>
    <message>
        <source>Revoked on {day}: {reason}</source>
        <translation>Dicabut pada {day}: {reason}</translation>
    </message>
    <message>
        <source>Printing issues the certificate (number and signature).</source>
        <translation>Mencetak akan menerbitkan sertifikatnya (nomor dan tanda tangan digital).</translation>
    </message>
    <message>
        <source>Issued, not printed yet.</source>
        <translation>Sudah terbit, belum dicetak.</translation>
    </message>
    <message>
        <source>Printed {n}×; the next print says SALINAN.</source>
        <translation>Dicetak {n}×; cetakan berikutnya bertanda SALINAN.</translation>
    </message>
</context>
<context>
    <name>CertificatePreviewDialog</name>
    <message>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <source>Preview: nothing is recorded until the certificate is printed or saved.</source>
        <translation>Pratinjau: belum ada yang dicatat sampai sertifikat dicetak atau disimpan.</translation>
    </message>
    <message>
        <source>Certificate {n} of {total}: {number}</source>
        <translation>Sertifikat {n} dari {total}: {number}</translation>
    </message>
    <message>
        <source>Save the certificates in</source>
        <translation>Simpan sertifikat di</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
</context>
<context>
    <name>CertificatePrintDialog</name>
    <message>
        <source>Print certificates</source>
        <translation>Cetak sertifikat</translation>
    </message>
    <message>
        <source>Cohort {code}.</source>
        <translation>Angkatan {code}.</translation>
    </message>
    <message>
        <source>The selected graduates ({n})</source>
        <translation>Lulusan yang dipilih ({n})</translation>
    </message>
    <message>
        <source>Every graduate of the cohort ({n})</source>
        <translation>Semua lulusan angkatan ({n})</translation>
    </message>
    <message>
        <source>One PDF file</source>
        <translation>Satu berkas PDF</translation>
    </message>
    <message>
        <source>One PDF per person, into a folder</source>
        <translation>Satu PDF per orang, ke dalam folder</translation>
    </message>
    <message>
        <source>Graduates</source>
        <translation>Lulusan</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Each print is recorded; a certificate printed before comes out as SALINAN.</source>
        <translation>Setiap cetakan dicatat; sertifikat yang pernah dicetak keluar sebagai SALINAN.</translation>
    </message>
    <message>
        <source>{n} graduates have no certificate yet: printing issues theirs first (number and digital signature).</source>
        <translation>{n} lulusan belum memiliki sertifikat: pencetakan menerbitkannya lebih dulu (nomor dan tanda tangan digital).</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Choose where…</source>
        <translation>Pilih tempat…</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <source>Training certificates for the graduates of a finished cohort, signed digitally: anyone can check one from its QR code.</source>
        <translation>Sertifikat pelatihan untuk lulusan angkatan yang sudah selesai, bertanda tangan digital: siapa pun dapat memeriksanya dari kode QR-nya.</translation>
    </message>
    <message>
        <source>Certificates of a cohort (Ctrl+J)</source>
        <translation>Sertifikat angkatan (Ctrl+J)</translation>
    </message>
    <message>
        <source>Check authenticity (Ctrl+K)</source>
        <translation>Periksa keaslian (Ctrl+K)</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <source>Your password was set by an administrator. Choose your own password before you continue.</source>
        <translation>Kata sandi Anda dibuat oleh admin. Buat kata sandi Anda sendiri sebelum melanjutkan.</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>Kata sandi saat ini</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Kata sandi baru</translation>
    </message>
    <message>
        <source>Repeat new password</source>
        <translation>Ulangi kata sandi baru</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Kedua kata sandi baru tidak sama.</translation>
    </message>
</context>
<context>
    <name>CohortDialog</name>
    <message>
        <source>New cohort</source>
        <translation>Angkatan baru</translation>
    </message>
    <message>
        <source>The provider must be assessed as fit for the module on the start date. Dates as DD/MM/YYYY.</source>
        <translation>Lembaga harus sudah dinilai layak untuk modul ini pada tanggal mulai. Tanggal ditulis DD/MM/YYYY.</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Lembaga</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Training days</source>
        <translation>Hari pelatihan</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapasitas</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Own code</source>
        <translation>Kode sendiri</translation>
    </message>
    <message>
        <source>Empty: the next number is given automatically.</source>
        <translation>Kosong: nomor berikutnya diberikan otomatis.</translation>
    </message>
    <message>
        <source>Transport per day</source>
        <translation>Transport per hari</translation>
    </message>
    <message>
        <source>Pocket money</source>
        <translation>Uang saku</translation>
    </message>
    <message>
        <source>Stipends paid</source>
        <translation>Uang saku/transport dibayar</translation>
    </message>
    <message>
        <source>Attendance needed</source>
        <translation>Kehadiran minimal</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>Nilai lulus</translation>
    </message>
    <message>
        <source>Create cohort</source>
        <translation>Buat angkatan</translation>
    </message>
    <message>
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Sen</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Sel</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Rab</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Kam</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Jum</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Min</translation>
    </message>
    <message>
        <source> people</source>
        <translation> orang</translation>
    </message>
    <message>
        <source>e.g. Workshop 2, BLK Jakarta Timur</source>
        <translation>mis. Bengkel 2, BLK Jakarta Timur</translation>
    </message>
    <message>
        <source>per attended day</source>
        <translation>per hari hadir</translation>
    </message>
    <message>
        <source>lump sum</source>
        <translation>sekaligus</translation>
    </message>
    <message>
        <source>every training week</source>
        <translation>setiap minggu pelatihan</translation>
    </message>
    <message>
        <source>once, for the whole cohort</source>
        <translation>sekali, untuk seluruh angkatan</translation>
    </message>
    <message>
        <source>Excused and sick days count as attended</source>
        <translation>Izin dan sakit dihitung hadir</translation>
    </message>
    <message>
        <source>No assessment score</source>
        <translation>Tanpa nilai asesmen</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>belum dinilai</translation>
    </message>
    <message>
        <source>Write both dates as DD/MM/YYYY.</source>
        <translation>Tulis kedua tanggal sebagai DD/MM/YYYY.</translation>
    </message>
    <message>
        <source>Register a provider first.</source>
        <translation>Daftarkan lembaga dulu.</translation>
    </message>
    <message>
        <source>This provider offers no module; add one on the providers page.</source>
        <translation>Lembaga ini belum menawarkan modul; tambahkan di halaman Lembaga.</translation>
    </message>
    <message>
        <source>Tick at least one training day.</source>
        <translation>Centang paling sedikit satu hari pelatihan.</translation>
    </message>
</context>
<context>
    <name>CohortList</name>
    <message>
        <source>Cohorts</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>New cohort</source>
        <translation>Angkatan baru</translation>
    </message>
    <message>
        <source>Search code, provider or module…</source>
        <translation>Cari kode, lembaga atau modul…</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>This office only</source>
        <translation>Kantor ini saja</translation>
    </message>
    <message>
        <source>{n} cohorts</source>
        <translation>{n} angkatan</translation>
    </message>
</context>
<context>
    <name>CohortTableModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Lembaga</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>+{n} waiting</source>
        <translation>+{n} menunggu</translation>
    </message>
    <message>
        <source>Run by office {office}: read only here.</source>
        <translation>Dijalankan kantor {office}: di sini hanya dibaca.</translation>
    </message>
    <message>
        <source>Entered afterwards from the office&apos;s records</source>
        <translation>Dicatat kemudian dari arsip kantor</translation>
    </message>
</context>
<context>
    <name>CohortView</name>
    <message>
        <source>← Back</source>
        <translation>← Kembali</translation>
    </message>
    <message>
        <source>Enrol participants…</source>
        <translation>Daftarkan peserta…</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Finish cohort</source>
        <translation>Selesaikan angkatan</translation>
    </message>
    <message>
        <source>Cancel cohort</source>
        <translation>Batalkan angkatan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Enrolment</source>
        <translation>Keikutsertaan</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Kehadiran</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Enough attendance</source>
        <translation>Cukup hadir</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Record result…</source>
        <translation>Catat hasil…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Mundurkan…</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>{rp} per day attended</source>
        <translation>{rp} per hari hadir</translation>
    </message>
    <message>
        <source>{rp} once</source>
        <translation>{rp} sekali</translation>
    </message>
    <message>
        <source>{n} training days</source>
        <translation>{n} hari pelatihan</translation>
    </message>
    <message>
        <source>Places {taken}/{capacity}, waiting {waiting}</source>
        <translation>Tempat {taken}/{capacity}, menunggu {waiting}</translation>
    </message>
    <message>
        <source>transport {rp} per day attended</source>
        <translation>transport {rp} per hari hadir</translation>
    </message>
    <message>
        <source>pocket money {text}</source>
        <translation>uang saku {text}</translation>
    </message>
    <message>
        <source>passes with attendance ≥ {rate}%</source>
        <translation>lulus dengan kehadiran ≥ {rate}%</translation>
    </message>
    <message>
        <source> and a score ≥ {score}</source>
        <translation> dan nilai ≥ {score}</translation>
    </message>
    <message>
        <source>excused and sick days count</source>
        <translation>izin dan sakit dihitung</translation>
    </message>
    <message>
        <source>entered afterwards</source>
        <translation>dicatat kemudian</translation>
    </message>
    <message>
        <source>cancelled: {why}</source>
        <translation>dibatalkan: {why}</translation>
    </message>
    <message>
        <source>Run by office {office}: read only here.</source>
        <translation>Dijalankan kantor {office}: di sini hanya dibaca.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Tidak lulus</translation>
    </message>
    <message>
        <source>Its people go back to the registry; the cohort stays, marked cancelled.</source>
        <translation>Pesertanya kembali ke daftar; angkatan tetap tersimpan dengan tanda dibatalkan.</translation>
    </message>
    <message>
        <source>Withdraw {name}</source>
        <translation>Mundurkan {name}</translation>
    </message>
    <message>
        <source>A place freed goes to the first on the waiting list.</source>
        <translation>Tempat yang kosong diberikan ke urutan pertama daftar tunggu.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Mundurkan</translation>
    </message>
    <message>
        <source>Approve day</source>
        <translation>Setujui hari</translation>
    </message>
    <message>
        <source>Approve the attendance of {day}? Changes after this need a supervisor.</source>
        <translation>Setujui kehadiran {day}? Perubahan sesudahnya perlu supervisor.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Nanti dulu</translation>
    </message>
    <message>
        <source>Remove day</source>
        <translation>Hapus hari</translation>
    </message>
    <message>
        <source>Take {day} off the plan (a holiday)?</source>
        <translation>Hapus {day} dari jadwal (hari libur)?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Biarkan</translation>
    </message>
</context>
<context>
    <name>ComputeResultDialog</name>
    <message>
        <source>Recompute</source>
        <translation>Hitung ulang</translation>
    </message>
    <message>
        <source>{code}: {created} new, {changed} changed, {unchanged} unchanged.</source>
        <translation>{code}: {created} baru, {changed} berubah, {unchanged} tetap.</translation>
    </message>
    <message>
        <source>Every entitlement already matches the attendance: nothing changed.</source>
        <translation>Semua hak sudah sesuai dengan daftar hadir: tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>new</source>
        <translation>baru</translation>
    </message>
    <message>
        <source>{n} paid entitlements turned out too high: the overpayment is on the Overpayments tab, to be kept back from a later payment or written off.</source>
        <translation>{n} hak yang sudah dibayar ternyata terlalu tinggi: kelebihan bayarnya ada di tab Kelebihan bayar, untuk dipotong dari pembayaran berikutnya atau dihapus buku.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <source>Attendance mark</source>
        <translation>Tanda kehadiran</translation>
    </message>
    <message>
        <source>Marked at another computer after a supervisor approved the day: the approved mark stays until you choose.</source>
        <translation>Ditandai di komputer lain setelah supervisor menyetujui hari itu: tanda yang disetujui tetap berlaku sampai Anda memilih.</translation>
    </message>
    <message>
        <source>A NIK or account number change is always checked by a supervisor.</source>
        <translation>Perubahan NIK atau nomor rekening selalu diperiksa supervisor.</translation>
    </message>
    <message>
        <source>Changed on two computers before they synced.</source>
        <translation>Diubah di dua komputer sebelum sempat sinkron.</translation>
    </message>
    <message>
        <source>Value on the server</source>
        <translation>Nilai di server</translation>
    </message>
    <message>
        <source>Use server value</source>
        <translation>Pakai nilai server</translation>
    </message>
    <message>
        <source>Value from the other computer</source>
        <translation>Nilai dari komputer lain</translation>
    </message>
    <message>
        <source>Use other computer&apos;s value</source>
        <translation>Pakai nilai komputer lain</translation>
    </message>
</context>
<context>
    <name>ConflictsTab</name>
    <message>
        <source>Choose which value is kept. The decision reaches every computer at the next sync.</source>
        <translation>Pilih nilai yang dipakai. Keputusan ini sampai ke semua komputer pada sinkronisasi berikutnya.</translation>
    </message>
    <message>
        <source>Only a supervisor can choose which value is kept. Ask the office supervisor.</source>
        <translation>Hanya supervisor yang dapat memilih nilai yang dipakai. Minta supervisor kantor untuk memutuskan.</translation>
    </message>
    <message>
        <source>{n} conflicts wait for a decision.</source>
        <translation>{n} konflik menunggu keputusan.</translation>
    </message>
    <message>
        <source>No conflicts: every change was merged.</source>
        <translation>Tidak ada konflik: semua perubahan sudah tergabung.</translation>
    </message>
    <message>
        <source>Resolve conflict</source>
        <translation>Selesaikan konflik</translation>
    </message>
    <message>
        <source>Keep {value} as {field} of {name}? The other value is set aside.</source>
        <translation>Pakai {value} sebagai {field} {name}? Nilai yang lain tidak dipakai.</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Pakai nilai ini</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Fitness decision</source>
        <translation>Keputusan kelayakan</translation>
    </message>
    <message>
        <source>Layak is refused while one of the three automatic checks fails on the assessment date.</source>
        <translation>Layak ditolak selama salah satu dari tiga pemeriksaan otomatis tidak terpenuhi pada tanggal penilaian.</translation>
    </message>
    <message>
        <source>Still open, and named in the decision: {items}.</source>
        <translation>Masih terbuka, dan disebut dalam keputusan: {items}.</translation>
    </message>
    <message>
        <source>empty: one year later</source>
        <translation>kosong: satu tahun kemudian</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Assessment date</source>
        <translation>Tanggal penilaian</translation>
    </message>
    <message>
        <source>Re-check on</source>
        <translation>Penilaian ulang</translation>
    </message>
    <message>
        <source>Sign decision</source>
        <translation>Tanda tangani keputusan</translation>
    </message>
    <message>
        <source>Write the date as DD/MM/YYYY.</source>
        <translation>Tulis tanggal sebagai HH/BB/TTTT.</translation>
    </message>
</context>
<context>
    <name>DocumentPicker</name>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>Hapus dari daftar</translation>
    </message>
    <message>
        <source>Choose a scan</source>
        <translation>Pilih hasil pindaian</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possibly registered already</source>
        <translation>Mungkin sudah terdaftar</translation>
    </message>
    <message>
        <source>These records look like the person you are registering. Compare them with the KTP. If it is the same person, open the existing record instead.</source>
        <translation>Data berikut mirip dengan orang yang sedang didaftarkan. Bandingkan dengan KTP. Jika orangnya sama, buka data yang ada saja.</translation>
    </message>
    <message>
        <source>Being registered</source>
        <translation>Sedang didaftarkan</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Checked: this is a different person</source>
        <translation>Sudah saya periksa, ini orang yang berbeda</translation>
    </message>
    <message>
        <source>Open this record</source>
        <translation>Buka data ini</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Kembali ke formulir</translation>
    </message>
    <message>
        <source>Save as a new person</source>
        <translation>Simpan sebagai orang baru</translation>
    </message>
</context>
<context>
    <name>DuplicatesTab</name>
    <message>
        <source>The same NIK was registered twice. Check with the participant and the other office, then merge: the record you keep stays, the other is marked “merged” and keeps its documents and history. Nothing is merged automatically.</source>
        <translation>NIK yang sama terdaftar dua kali. Periksa dengan peserta dan kantor lain, lalu gabungkan: data yang dipertahankan tetap, yang lain ditandai “digabung” dan tetap menyimpan dokumen serta riwayatnya. Tidak ada yang digabung otomatis.</translation>
    </message>
    <message>
        <source>The same NIK was registered twice. Only a supervisor can merge the two records. Ask the office supervisor.</source>
        <translation>NIK yang sama terdaftar dua kali. Hanya supervisor yang dapat menggabungkan kedua data. Minta supervisor kantor.</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Participant (1)</source>
        <translation>Peserta (1)</translation>
    </message>
    <message>
        <source>Office (1)</source>
        <translation>Kantor (1)</translation>
    </message>
    <message>
        <source>Participant (2)</source>
        <translation>Peserta (2)</translation>
    </message>
    <message>
        <source>Office (2)</source>
        <translation>Kantor (2)</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Ditandai</translation>
    </message>
    <message>
        <source>Merge, keep participant (1)</source>
        <translation>Gabungkan, pertahankan peserta (1)</translation>
    </message>
    <message>
        <source>Merge, keep participant (2)</source>
        <translation>Gabungkan, pertahankan peserta (2)</translation>
    </message>
    <message>
        <source>Merge duplicate</source>
        <translation>Gabungkan data ganda</translation>
    </message>
    <message>
        <source>Keep {kept} ({kept_office}) and mark {gone} ({gone_office}) as merged into it? Its consents, documents and history are kept. This cannot be undone here.</source>
        <translation>Pertahankan {kept} ({kept_office}) dan tandai {gone} ({gone_office}) sebagai digabung ke data itu? Persetujuan, dokumen, dan riwayatnya tetap disimpan. Ini tidak dapat dibatalkan di sini.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>{n} NIKs are registered twice.</source>
        <translation>{n} NIK terdaftar dua kali.</translation>
    </message>
    <message>
        <source>No NIK is registered twice.</source>
        <translation>Tidak ada NIK yang terdaftar dua kali.</translation>
    </message>
</context>
<context>
    <name>EnrolBox</name>
    <message>
        <source>Link this computer to the central server</source>
        <translation>Hubungkan komputer ini ke server pusat</translation>
    </message>
    <message>
        <source>Ask the server administrator for a one-time code for this office, then enter the server address and the code.</source>
        <translation>Minta kode sekali pakai untuk kantor ini kepada admin server, lalu isi alamat server dan kodenya.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Hubungkan</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Kode sekali pakai</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol participants</source>
        <translation>Daftarkan peserta</translation>
    </message>
    <message>
        <source>Name</source>
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
        <source>Training choice</source>
        <translation>Pilihan pelatihan</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Kelayakan</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Alasan tidak bisa</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Enrol selected</source>
        <translation>Daftarkan yang dipilih</translation>
    </message>
    <message>
        <source>Search name or NIK digits…</source>
        <translation>Cari nama atau angka NIK…</translation>
    </message>
    <message>
        <source>All training choices</source>
        <translation>Semua pilihan pelatihan</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>Semua provinsi</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Any eligibility</source>
        <translation>Semua kelayakan</translation>
    </message>
    <message>
        <source>Enrol in {code} — {module}</source>
        <translation>Daftarkan ke {code} — {module}</translation>
    </message>
    <message>
        <source>{enrolled} of {capacity} places taken, {waiting} on the waiting list. When the cohort is full, people go on the waiting list.</source>
        <translation>{enrolled} dari {capacity} tempat terisi, {waiting} di daftar tunggu. Bila angkatan penuh, peserta masuk daftar tunggu.</translation>
    </message>
    <message>
        <source>The first {n} people found are shown; narrow the search.</source>
        <translation>Ditampilkan {n} orang pertama yang ditemukan; persempit pencarian.</translation>
    </message>
    <message>
        <source>{n} people found.</source>
        <translation>{n} orang ditemukan.</translation>
    </message>
    <message>
        <source>{n} selected</source>
        <translation>{n} dipilih</translation>
    </message>
    <message>
        <source>Eligibility not yet certain</source>
        <translation>Kelayakan belum pasti</translation>
    </message>
    <message>
        <source>The eligibility of {n} of the {total} people selected is not yet certain. Have you checked their papers and want to enrol them?</source>
        <translation>Kelayakan {n} dari {total} orang yang dipilih belum pasti. Sudahkah berkasnya diperiksa dan ingin tetap mendaftarkan mereka?</translation>
    </message>
    <message>
        <source>Yes, enrol</source>
        <translation>Ya, daftarkan</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>{enrolled} enrolled, {waiting} on the waiting list, {refused} refused.</source>
        <translation>{enrolled} terdaftar, {waiting} di daftar tunggu, {refused} ditolak.</translation>
    </message>
    <message>
        <source>and {n} more refused.</source>
        <translation>dan {n} lainnya ditolak.</translation>
    </message>
</context>
<context>
    <name>EntitlementModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Days × rate</source>
        <translation>Hari × tarif</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Paid twice</source>
        <translation>Dibayar 2×</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Lebih bayar</translation>
    </message>
    <message>
        <source>Paid twice ({receipts}): {amount} to recover.</source>
        <translation>Dibayar dua kali ({receipts}): {amount} harus ditagih kembali.</translation>
    </message>
    <message>
        <source>Paid {paid} but now worth {amount}: {over} to recover.</source>
        <translation>Dibayar {paid}, padahal haknya kini {amount}: {over} harus ditagih kembali.</translation>
    </message>
    <message>
        <source>Still to pay: {amount}</source>
        <translation>Masih harus dibayar: {amount}</translation>
    </message>
    <message>
        <source>Waiting for a supervisor&apos;s approval of the period.</source>
        <translation>Menunggu persetujuan periode oleh supervisor.</translation>
    </message>
</context>
<context>
    <name>FigureTiles</name>
    <message>
        <source>Attendance</source>
        <translation>Kehadiran</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Kelulusan</translation>
    </message>
    <message>
        <source>Working again</source>
        <translation>Bekerja lagi</translation>
    </message>
    <message>
        <source>Self-employed</source>
        <translation>Usaha sendiri</translation>
    </message>
    <message>
        <source>Follow-up calls due</source>
        <translation>Panggilan pemantauan</translation>
    </message>
    <message>
        <source>Licences ending soon</source>
        <translation>Izin segera berakhir</translation>
    </message>
    <message>
        <source>Paid this month</source>
        <translation>Dibayar bulan ini</translation>
    </message>
    <message>
        <source>No attendance marked yet</source>
        <translation>Belum ada absensi tercatat</translation>
    </message>
    <message>
        <source>{present} present of {marked} days marked</source>
        <translation>{present} hadir dari {marked} hari tercatat</translation>
    </message>
    <message>
        <source>No finished cohort yet</source>
        <translation>Belum ada angkatan yang selesai</translation>
    </message>
    <message>
        <source>{passed} passed of {enrolled}</source>
        <translation>{passed} lulus dari {enrolled}</translation>
    </message>
    <message>
        <source>{n} withdrew</source>
        <translation>{n} mundur</translation>
    </message>
    <message>
        <source>Passed over the participants of this office&apos;s finished cohorts; those who withdrew before the end are counted apart.</source>
        <translation>Lulus dibagi peserta angkatan kantor ini yang sudah selesai; yang mengundurkan diri sebelum akhir dihitung terpisah.</translation>
    </message>
    <message>
        <source>Days marked present over all days marked in this office&apos;s cohorts.</source>
        <translation>Hari hadir dibagi semua hari yang tercatat di angkatan kantor ini.</translation>
    </message>
    <message>
        <source>Nobody reached by a follow-up call yet</source>
        <translation>Belum ada alumni yang terhubungi</translation>
    </message>
    <message>
        <source>{n} of {reached} graduates reached</source>
        <translation>{n} dari {reached} alumni yang terhubungi</translation>
    </message>
    <message>
        <source>{months} months: working {working}, self-employed {self}</source>
        <translation>{months} bulan: bekerja {working}, usaha sendiri {self}</translation>
    </message>
    <message>
        <source>{n} overdue</source>
        <translation>{n} terlambat</translation>
    </message>
    <message>
        <source>{n} this week</source>
        <translation>{n} minggu ini</translation>
    </message>
    <message>
        <source>This week: {first} – {last}</source>
        <translation>Minggu ini: {first} – {last}</translation>
    </message>
    <message>
        <source>Licences ending within {days} days</source>
        <translation>Izin berakhir dalam {days} hari</translation>
    </message>
    <message>
        <source>{name} ({day})</source>
        <translation>{name} ({day})</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>and {n} more</source>
        <translation>dan {n} lainnya</translation>
    </message>
    <message>
        <source>Stipends paid in {month}</source>
        <translation>Dibayar {month}</translation>
    </message>
    <message>
        <source>{kind}: {n} payments, {amount}</source>
        <translation>{kind}: {n} pembayaran, {amount}</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <source>Follow-up</source>
        <translation>Pemantauan</translation>
    </message>
    <message>
        <source>Graduates are called 1, 3 and 6 months after their training to ask whether they work again; vacancies from employers are offered to those who fit.</source>
        <translation>Lulusan ditelepon 1, 3 dan 6 bulan setelah pelatihan untuk menanyakan apakah sudah bekerja lagi; lowongan dari pemberi kerja ditawarkan kepada yang cocok.</translation>
    </message>
    <message>
        <source>Call list (Alt+1)</source>
        <translation>Daftar panggilan (Alt+1)</translation>
    </message>
    <message>
        <source>Vacancies (Alt+2)</source>
        <translation>Lowongan (Alt+2)</translation>
    </message>
    <message>
        <source>Supply and demand (Alt+3)</source>
        <translation>Kebutuhan dan pasokan (Alt+3)</translation>
    </message>
    <message>
        <source>Rates (Alt+4)</source>
        <translation>Capaian (Alt+4)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>At least {n} characters, with letters and digits.</source>
        <translation>Minimal {n} karakter, berisi huruf dan angka.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Participants by status</source>
        <translation>Peserta per status</translation>
    </message>
    <message>
        <source>Participants by office</source>
        <translation>Peserta per kantor</translation>
    </message>
    <message>
        <source>Modules: first choices and places</source>
        <translation>Modul: pilihan pertama dan kursi</translation>
    </message>
    <message>
        <source>First choice</source>
        <translation>Pilihan pertama</translation>
    </message>
    <message>
        <source>Places in cohorts</source>
        <translation>Kursi di angkatan</translation>
    </message>
    <message>
        <source>Good morning, {name}</source>
        <translation>Selamat pagi, {name}</translation>
    </message>
    <message>
        <source>Good day, {name}</source>
        <translation>Selamat siang, {name}</translation>
    </message>
    <message>
        <source>Good afternoon, {name}</source>
        <translation>Selamat sore, {name}</translation>
    </message>
    <message>
        <source>Good evening, {name}</source>
        <translation>Selamat malam, {name}</translation>
    </message>
    <message>
        <source>Loading the programme&apos;s figures…</source>
        <translation>Memuat angka program…</translation>
    </message>
    <message>
        <source>Figures as of {time}</source>
        <translation>Angka per pukul {time}</translation>
    </message>
    <message>
        <source>The programme&apos;s figures could not be read. {reason}</source>
        <translation>Angka program tidak dapat dibaca. {reason}</translation>
    </message>
    <message>
        <source>Participants by office: the {n} largest of {total}</source>
        <translation>Peserta per kantor: {n} terbesar dari {total}</translation>
    </message>
    <message>
        <source>Modules: the {n} most chosen of {total}</source>
        <translation>Modul: {n} paling banyak dipilih dari {total}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import participants</source>
        <translation>Impor peserta</translation>
    </message>
    <message>
        <source>CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or XLSX with one header row. Check the column mapping, then Check: nothing is written until you press Import, and then all rows go in together or none.</source>
        <translation>CSV (koma, titik koma atau tab; UTF-8, UTF-16 atau Windows-1252) atau XLSX dengan satu baris judul. Periksa pemetaan kolom, lalu tekan Periksa: belum ada data yang ditulis sampai Anda menekan Impor, dan saat itu semua baris masuk sekaligus atau tidak sama sekali.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Belum ada berkas dipilih</translation>
    </message>
    <message>
        <source>Skip rows with errors</source>
        <translation>Lewati baris yang salah</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Simpan laporan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Batalkan impor</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Pilih berkas</translation>
    </message>
    <message>
        <source>{n} data rows. Check the column mapping, then Check.</source>
        <translation>{n} baris data. Periksa pemetaan kolom, lalu tekan Periksa.</translation>
    </message>
    <message>
        <source>{total} rows: {ok} OK, {warnings} with warnings, {errors} with errors.</source>
        <translation>{total} baris: {ok} baik, {warnings} dengan peringatan, {errors} salah.</translation>
    </message>
    <message>
        <source>Check only: nothing written.</source>
        <translation>Hanya pemeriksaan: belum ada data yang ditulis.</translation>
    </message>
    <message>
        <source>{n} participants imported.</source>
        <translation>{n} peserta berhasil diimpor.</translation>
    </message>
    <message>
        <source>Nothing imported: fix the rows with errors or skip them.</source>
        <translation>Tidak ada yang diimpor: perbaiki baris yang salah atau lewati.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <source>(ignore)</source>
        <translation>(abaikan)</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Baik</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Peringatan</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Salah</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>Same NIK</source>
        <translation>NIK sama</translation>
    </message>
    <message>
        <source>Same KPJ</source>
        <translation>KPJ sama</translation>
    </message>
    <message>
        <source>Similar name, same birth date</source>
        <translation>Nama mirip, tanggal lahir sama</translation>
    </message>
</context>
<context>
    <name>IntakeSections</name>
    <message>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <source>16 digits, as on the KTP</source>
        <translation>16 angka, sesuai KTP</translation>
    </message>
    <message>
        <source>exactly as written on the KTP</source>
        <translation>persis seperti tertulis di KTP</translation>
    </message>
    <message>
        <source>Place, date of birth</source>
        <translation>Tempat, tanggal lahir</translation>
    </message>
    <message>
        <source>Address and contact</source>
        <translation>Alamat dan kontak</translation>
    </message>
    <message>
        <source>street, RT/RW, village</source>
        <translation>jalan, RT/RW, kelurahan/desa</translation>
    </message>
    <message>
        <source>leave empty when the same as the KTP</source>
        <translation>kosongkan jika sama dengan KTP</translation>
    </message>
    <message>
        <source>e.g. 0812 3456 7890</source>
        <translation>mis. 0812 3456 7890</translation>
    </message>
    <message>
        <source>Uses WhatsApp</source>
        <translation>Memakai WhatsApp</translation>
    </message>
    <message>
        <source>Work and PHK</source>
        <translation>Pekerjaan dan PHK</translation>
    </message>
    <message>
        <source>11 digits</source>
        <translation>11 angka</translation>
    </message>
    <message>
        <source>NPP</source>
        <translation>NPP</translation>
    </message>
    <message>
        <source>Contract (PKWT: fixed term)</source>
        <translation>Kontrak (PKWT: waktu tertentu)</translation>
    </message>
    <message>
        <source>Work start, PHK date</source>
        <translation>Mulai kerja, tanggal PHK</translation>
    </message>
    <message>
        <source>rupiah per month, e.g. 5.200.000</source>
        <translation>rupiah per bulan, mis. 5.200.000</translation>
    </message>
    <message>
        <source>BPJAMSOSTEK membership</source>
        <translation>Kepesertaan BPJAMSOSTEK</translation>
    </message>
    <message>
        <source>From the member&apos;s card or the JHT letter. Leave empty what is not known: the eligibility rule then stays not yet certain.</source>
        <translation>Dari kartu peserta atau surat JHT. Kosongkan yang belum diketahui: syarat itu lalu tetap belum dapat dipastikan.</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Belum</translation>
    </message>
    <message>
        <source>Already claimed</source>
        <translation>Sudah dicairkan</translation>
    </message>
    <message>
        <source>JHT claimed, when</source>
        <translation>JHT dicairkan, kapan</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Rekening</translation>
    </message>
    <message>
        <source>must be the participant; a different name is warned</source>
        <translation>harus atas nama peserta; nama berbeda akan diperingatkan</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Scans (KTP, PHK letter, KPJ card…) are copied into the program&apos;s data folder with their SHA-256 fingerprint when the form is saved.</source>
        <translation>Hasil pindaian (KTP, surat PHK, kartu KPJ…) disalin ke folder data program beserta sidik SHA-256-nya saat formulir disimpan.</translation>
    </message>
    <message>
        <source>Personal-data consent</source>
        <translation>Persetujuan data pribadi</translation>
    </message>
    <message>
        <source>Read to the participant: BPJAMSOSTEK processes your identity, contact, work and bank data to register you for vocational training, pay stipends and follow up on your employment (UU 27/2022). Your data is kept safe, shown only to officers who need it, and you may ask to see, correct or erase it.</source>
        <translation>Bacakan kepada peserta: BPJAMSOSTEK memproses data identitas, kontak, pekerjaan dan rekening Anda untuk mendaftarkan Anda ke pelatihan vokasi, membayar uang saku dan transport, serta memantau penempatan kerja Anda (UU 27/2022). Data Anda dijaga, hanya ditampilkan kepada petugas yang memerlukannya, dan Anda berhak melihat, memperbaiki atau meminta penghapusannya.</translation>
    </message>
    <message>
        <source>Notice version {version}</source>
        <translation>Versi pemberitahuan {version}</translation>
    </message>
    <message>
        <source>The participant has heard the notice and agrees</source>
        <translation>Peserta telah mendengar pemberitahuan ini dan menyetujuinya</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>Edit participant</source>
        <translation>Ubah data peserta</translation>
    </message>
    <message>
        <source>Register a participant</source>
        <translation>Pendaftaran peserta</translation>
    </message>
    <message>
        <source>Officer: {name} ({user}) · started {time}</source>
        <translation>Petugas: {name} ({user}) · mulai {time}</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Kembali ke daftar</translation>
    </message>
    <message>
        <source>Clear the form</source>
        <translation>Kosongkan formulir</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Simpan  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Draft saved {time}</source>
        <translation>Draf tersimpan {time}</translation>
    </message>
    <message>
        <source>Not found in the Kemendagri list. Choose a name from the list.</source>
        <translation>Tidak ditemukan dalam daftar Kemendagri. Pilih nama dari daftar.</translation>
    </message>
    <message>
        <source>Leave the form</source>
        <translation>Tinggalkan formulir</translation>
    </message>
    <message>
        <source>Changes that were not saved will be lost.</source>
        <translation>Perubahan yang belum disimpan akan hilang.</translation>
    </message>
    <message>
        <source>Leave without saving</source>
        <translation>Tinggalkan tanpa menyimpan</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Tetap di sini</translation>
    </message>
    <message>
        <source>Everything typed in this form, and its draft, will be removed.</source>
        <translation>Semua isian formulir ini beserta drafnya akan dihapus.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Screen locked</source>
        <translation>Layar terkunci</translation>
    </message>
    <message>
        <source>The screen was locked because it was not used for a while. Enter the password of {name} to continue.</source>
        <translation>Layar dikunci karena tidak digunakan selama beberapa waktu. Masukkan kata sandi {name} untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Masukkan kata sandi Anda.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Loket Vokasi — sign in</source>
        <translation>Loket Vokasi — masuk</translation>
    </message>
    <message>
        <source>Loket Vokasi</source>
        <translation>Loket Vokasi</translation>
    </message>
    <message>
        <source>Office {name} ({code}) · Device {device}</source>
        <translation>Kantor {name} ({code}) · Perangkat {device}</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Demo accounts — click a row to fill in the form.</source>
        <translation>Akun demo — klik salah satu baris untuk mengisi formulir.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Masukkan nama pengguna Anda.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Masukkan kata sandi Anda.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loket Vokasi — {office}</source>
        <translation>Loket Vokasi — {office}</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>Kunci layar</translation>
    </message>
    <message>
        <source>Loket Vokasi</source>
        <translation>Loket Vokasi</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Ganti kata sandi</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Screen locked</source>
        <translation>Layar terkunci</translation>
    </message>
    <message>
        <source>Office {code}</source>
        <translation>Kantor {code}</translation>
    </message>
    <message>
        <source>Device {n}</source>
        <translation>Perangkat {n}</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Kata sandi diganti</translation>
    </message>
    <message>
        <source>Your new password is in use.</source>
        <translation>Kata sandi baru Anda sudah berlaku.</translation>
    </message>
</context>
<context>
    <name>MakeupDayDialog</name>
    <message>
        <source>Add make-up day</source>
        <translation>Tambah hari pengganti</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Add day</source>
        <translation>Tambah hari</translation>
    </message>
    <message>
        <source>Write the date as DD/MM/YYYY.</source>
        <translation>Tulis tanggal sebagai DD/MM/YYYY.</translation>
    </message>
</context>
<context>
    <name>MarkItemDialog</name>
    <message>
        <source>What was seen, by whom, where</source>
        <translation>Apa yang dilihat, oleh siapa, di mana</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>MatchDialog</name>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>ModuleDialog</name>
    <message>
        <source>Edit module</source>
        <translation>Ubah modul</translation>
    </message>
    <message>
        <source>New module</source>
        <translation>Modul baru</translation>
    </message>
    <message>
        <source>e.g. LAS-PIPA</source>
        <translation>mis. LAS-PIPA</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Never changes once saved: files and the CLI use it.</source>
        <translation>Tidak dapat diubah setelah disimpan: dipakai berkas impor dan CLI.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Jam pelajaran</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
</context>
<context>
    <name>ModulesPage</name>
    <message>
        <source>Training modules</source>
        <translation>Modul pelatihan</translation>
    </message>
    <message>
        <source>The modules the programme trains in. An inactive module stays on the records that use it but is no longer offered, picked or counted.</source>
        <translation>Modul pelatihan program. Modul nonaktif tetap tercatat pada data yang memakainya, tetapi tidak lagi ditawarkan, dipilih, atau dihitung.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Hours (JP)</source>
        <translation>Jam (JP)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New module…</source>
        <translation>Modul baru…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktifkan</translation>
    </message>
</context>
<context>
    <name>OffersDialog</name>
    <message>
        <source>Modules offered</source>
        <translation>Modul yang ditawarkan</translation>
    </message>
    <message>
        <source>Tick each module the provider offers. Instructors: name (certification), separated by semicolons.</source>
        <translation>Centang setiap modul yang ditawarkan lembaga. Instruktur: nama (sertifikasi), dipisah titik koma.</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Ditawarkan</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapasitas</translation>
    </message>
    <message>
        <source>Instructors</source>
        <translation>Instruktur</translation>
    </message>
    <message>
        <source>{name} (inactive)</source>
        <translation>{name} (nonaktif)</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modul</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Follow-up outcome</source>
        <translation>Hasil pemantauan</translation>
    </message>
    <message>
        <source>{name} ({nik}), cohort {cohort}: the call of {month} after the training, due {day}. Ask whether they work again; fill in what they say.</source>
        <translation>{name} ({nik}), angkatan {cohort}: panggilan {month} setelah pelatihan, jatuh tempo {day}. Tanyakan apakah sudah bekerja lagi; isi sesuai jawabannya.</translation>
    </message>
    <message>
        <source>if known</source>
        <translation>jika diketahui</translation>
    </message>
    <message>
        <source>e.g. catering, tailoring, motorbike repair</source>
        <translation>mis. katering, jahit, bengkel motor</translation>
    </message>
    <message>
        <source>per month, e.g. 4.500.000</source>
        <translation>per bulan, mis. 4.500.000</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>Formal (employer pays BPJS contributions)</source>
        <translation>Formal (pemberi kerja membayar iuran BPJS)</translation>
    </message>
    <message>
        <source>Informal</source>
        <translation>Informal</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>kali</translation>
    </message>
    <message>
        <source>Employer *</source>
        <translation>Pemberi kerja *</translation>
    </message>
    <message>
        <source>Employer NPP</source>
        <translation>NPP pemberi kerja</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi / jabatan</translation>
    </message>
    <message>
        <source>Kind of business *</source>
        <translation>Jenis usaha *</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>Mulai bekerja</translation>
    </message>
    <message>
        <source>Wage</source>
        <translation>Upah</translation>
    </message>
    <message>
        <source>Kind of work</source>
        <translation>Jenis pekerjaan</translation>
    </message>
    <message>
        <source>Unanswered calls *</source>
        <translation>Panggilan tak terjawab *</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Save outcome</source>
        <translation>Simpan hasil</translation>
    </message>
    <message>
        <source>Business since</source>
        <translation>Mulai usaha</translation>
    </message>
</context>
<context>
    <name>ParticipantDetail</name>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Viewing is logged</source>
        <translation>Tampilan dicatat</translation>
    </message>
    <message>
        <source>Given (notice {version}, {time})</source>
        <translation>Diberikan (pemberitahuan {version}, {time})</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Belum dicatat</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <source>Place, date of birth</source>
        <translation>Tempat, tanggal lahir</translation>
    </message>
    <message>
        <source>Address and contact</source>
        <translation>Alamat dan kontak</translation>
    </message>
    <message>
        <source>Work and PHK</source>
        <translation>Pekerjaan dan PHK</translation>
    </message>
    <message>
        <source>BPJAMSOSTEK membership</source>
        <translation>Kepesertaan BPJAMSOSTEK</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>Rekening</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Consent and registration</source>
        <translation>Persetujuan dan pendaftaran</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Didaftarkan</translation>
    </message>
    <message>
        <source>Opened for editing (full NIK and account shown)</source>
        <translation>Dibuka untuk diubah (NIK dan rekening lengkap ditampilkan)</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Persetujuan dicatat</translation>
    </message>
    <message>
        <source>Personal data erased</source>
        <translation>Data pribadi dihapus</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>Data pribadi diekspor</translation>
    </message>
    <message>
        <source>Status reason</source>
        <translation>Alasan status</translation>
    </message>
    <message>
        <source>As assessed when the participant was registered.</source>
        <translation>Sesuai penilaian saat peserta didaftarkan.</translation>
    </message>
    <message>
        <source>Data changed</source>
        <translation>Data diubah</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Status diubah</translation>
    </message>
    <message>
        <source>Full NIK or account viewed</source>
        <translation>NIK/rekening lengkap dilihat</translation>
    </message>
    <message>
        <source>Document attached</source>
        <translation>Dokumen dilampirkan</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Diimpor</translation>
    </message>
</context>
<context>
    <name>ParticipantDetailView</name>
    <message>
        <source>← Back to the list</source>
        <translation>← Kembali ke daftar</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>Ubah status…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ubah data</translation>
    </message>
    <message>
        <source>The participant has been saved.</source>
        <translation>Data peserta telah disimpan.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Kelayakan</translation>
    </message>
    <message>
        <source>Documents ({n})</source>
        <translation>Dokumen ({n})</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>History ({n})</source>
        <translation>Riwayat ({n})</translation>
    </message>
    <message>
        <source>Certificates ({n})</source>
        <translation>Sertifikat ({n})</translation>
    </message>
    <message>
        <source>Attach a scan…</source>
        <translation>Lampirkan pindaian…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ditambahkan</translation>
    </message>
    <message>
        <source>Scans are kept in the program&apos;s data folder under their fingerprint.</source>
        <translation>Hasil pindaian disimpan di folder data program dengan nama sidiknya.</translation>
    </message>
    <message>
        <source>Choose a scan</source>
        <translation>Pilih hasil pindaian</translation>
    </message>
    <message>
        <source>Scan missing or changed</source>
        <translation>Pindaian hilang atau berubah</translation>
    </message>
    <message>
        <source>The stored copy of {name} is missing or was changed after it was attached.</source>
        <translation>Salinan {name} yang tersimpan hilang atau berubah setelah dilampirkan.</translation>
    </message>
</context>
<context>
    <name>ParticipantList</name>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>New registration</source>
        <translation>Pendaftaran baru</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <source>Search name, NIK (or its last 4 digits), KPJ or phone…</source>
        <translation>Cari nama, NIK (atau 4 angka terakhirnya), KPJ atau telepon…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>Semua kantor</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>Semua provinsi</translation>
    </message>
    <message>
        <source>Training choice</source>
        <translation>Pilihan pelatihan</translation>
    </message>
    <message>
        <source>First choice only</source>
        <translation>Pilihan pertama saja</translation>
    </message>
    <message>
        <source>More than {n} match: type more to narrow</source>
        <translation>Lebih dari {n} cocok: ketik lebih lengkap</translation>
    </message>
    <message>
        <source>More than {n} participants: type a name to narrow</source>
        <translation>Lebih dari {n} peserta: ketik nama untuk mempersempit</translation>
    </message>
    <message>
        <source>{n} participants</source>
        <translation>{n} peserta</translation>
    </message>
    <message>
        <source>{n} participant</source>
        <translation>{n} peserta</translation>
    </message>
</context>
<context>
    <name>ParticipantTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tgl lahir</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>L/P</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>KPJ</source>
        <translation>KPJ</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Training choice</source>
        <translation>Pilihan pelatihan</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>Kelayakan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Terdaftar</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Unfinished registration</source>
        <translation>Pendaftaran belum selesai</translation>
    </message>
    <message>
        <source>Continue the unfinished draft (saved {time})?</source>
        <translation>Lanjutkan draf yang belum selesai (disimpan {time})?</translation>
    </message>
    <message>
        <source>Continue the draft</source>
        <translation>Lanjutkan draf</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Buang draf</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <source>Pay</source>
        <translation>Bayar</translation>
    </message>
    <message>
        <source>{kind} for {name}, {period}.</source>
        <translation>{kind} untuk {name}, {period}.</translation>
    </message>
    <message>
        <source>{n} entitlements of {people} people; one receipt for each.</source>
        <translation>{n} hak milik {people} orang; satu kuitansi untuk masing-masing.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>as printed on the bank&apos;s transfer slip</source>
        <translation>seperti tertera di bukti transfer bank</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>Nomor referensi</translation>
    </message>
    <message>
        <source>An overpayment the person still owes is kept back from this payment; the receipt shows it.</source>
        <translation>Kelebihan bayar yang masih menjadi utang orang ini dipotong dari pembayaran ini; kuitansinya mencantumkannya.</translation>
    </message>
    <message>
        <source>Pay {amount}</source>
        <translation>Bayar {amount}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
</context>
<context>
    <name>PaymentFiles</name>
    <message>
        <source>Print all receipts into</source>
        <translation>Cetak semua kuitansi ke</translation>
    </message>
    <message>
        <source>Print all receipts</source>
        <translation>Cetak semua kuitansi</translation>
    </message>
    <message>
        <source>Recording the prints…</source>
        <translation>Mencatat cetakan…</translation>
    </message>
    <message>
        <source>Receipt {done} of {total}…</source>
        <translation>Kuitansi {done} dari {total}…</translation>
    </message>
    <message>
        <source>{n} receipts ({copies} copies)</source>
        <translation>{n} kuitansi ({copies} salinan)</translation>
    </message>
    <message>
        <source>Export the payment register</source>
        <translation>Ekspor register pembayaran</translation>
    </message>
    <message>
        <source>Payment register</source>
        <translation>Register pembayaran</translation>
    </message>
    <message>
        <source>{rows} lines of {code} were written to {path}.</source>
        <translation>{rows} baris {code} disimpan ke {path}.</translation>
    </message>
</context>
<context>
    <name>PaymentList</name>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>Hitung ulang</translation>
    </message>
    <message>
        <source>Approve period…</source>
        <translation>Setujui periode…</translation>
    </message>
    <message>
        <source>Pay…</source>
        <translation>Bayar…</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>Cetak ulang</translation>
    </message>
    <message>
        <source>Reverse payment…</source>
        <translation>Batalkan pembayaran…</translation>
    </message>
    <message>
        <source>Print all receipts…</source>
        <translation>Cetak semua kuitansi…</translation>
    </message>
    <message>
        <source>Export register (XLSX)…</source>
        <translation>Ekspor register (XLSX)…</translation>
    </message>
    <message>
        <source>Every period</source>
        <translation>Semua periode</translation>
    </message>
    <message>
        <source>This office has no cohort with training days yet.</source>
        <translation>Kantor ini belum memiliki angkatan yang sudah berjalan.</translation>
    </message>
    <message>
        <source>No entitlements yet: Recompute (Ctrl+R) works them out from the attendance.</source>
        <translation>Belum ada hak: Hitung ulang (Ctrl+R) menghitungnya dari daftar hadir.</translation>
    </message>
    <message>
        <source>Attendance not approved yet: {days}.</source>
        <translation>Kehadiran belum disetujui: {days}.</translation>
    </message>
    <message>
        <source>Days still to come: {days}.</source>
        <translation>Hari yang belum tiba: {days}.</translation>
    </message>
    <message>
        <source>No entitlement is waiting for approval.</source>
        <translation>Tidak ada hak yang menunggu persetujuan.</translation>
    </message>
    <message>
        <source>Approve period</source>
        <translation>Setujui periode</translation>
    </message>
    <message>
        <source>The supervisor approves the whole period at once: these totals, recomputed from the approved attendance.</source>
        <translation>Supervisor menyetujui satu periode sekaligus: jumlah berikut, dihitung ulang dari kehadiran yang sudah disetujui.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Entitlements</source>
        <translation>Jumlah hak</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Already paid</source>
        <translation>Sudah dibayar</translation>
    </message>
    <message>
        <source>{name}: already paid with receipt {number}; it cannot be paid again.</source>
        <translation>{name}: sudah dibayar dengan kuitansi {number}; tidak dapat dibayar lagi.</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Reverse payment</source>
        <translation>Batalkan pembayaran</translation>
    </message>
    <message>
        <source>The money came back, or never left. The receipt keeps its number and is printed BATAL; the entitlement is owed again.</source>
        <translation>Uangnya kembali, atau tidak pernah keluar. Kuitansi tetap memakai nomornya dan dicetak BATAL; hak itu terutang lagi.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Receipt {number} is reversed (BATAL).</source>
        <translation>Kuitansi {number} dibatalkan (BATAL).</translation>
    </message>
    <message>
        <source>Cash back in the drawer: {amount}.</source>
        <translation>Uang tunai yang kembali ke laci: {amount}.</translation>
    </message>
    <message>
        <source>Payment reversed</source>
        <translation>Pembayaran dibatalkan</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Payments</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <source>Transport and pocket money from the approved attendance, paid against a receipt the participant signs.</source>
        <translation>Uang transport dan uang saku dari kehadiran yang disetujui, dibayar dengan kuitansi yang ditandatangani peserta.</translation>
    </message>
    <message>
        <source>Entitlements and payments</source>
        <translation>Hak dan pembayaran</translation>
    </message>
    <message>
        <source>Overpayments</source>
        <translation>Kelebihan bayar</translation>
    </message>
    <message>
        <source>Cash close</source>
        <translation>Tutup kas</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Dirujuk</translation>
    </message>
    <message>
        <source>Why it fits</source>
        <translation>Mengapa cocok</translation>
    </message>
</context>
<context>
    <name>PersonCertificates</name>
    <message>
        <source>Certificates are issued on the Sertifikat page when the cohort&apos;s certificates are printed.</source>
        <translation>Sertifikat diterbitkan di halaman Sertifikat saat sertifikat angkatannya dicetak.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>Preview (Enter)</source>
        <translation>Pratinjau (Enter)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>Cetakan</translation>
    </message>
    <message>
        <source>No certificate has been issued to this person.</source>
        <translation>Belum ada sertifikat yang diterbitkan untuk orang ini.</translation>
    </message>
    <message>
        <source>A revoked certificate is not shown or printed again.</source>
        <translation>Sertifikat yang dicabut tidak ditampilkan atau dicetak lagi.</translation>
    </message>
</context>
<context>
    <name>PersonVacanciesDialog</name>
    <message>
        <source>Vacancies for {name}</source>
        <translation>Lowongan untuk {name}</translation>
    </message>
    <message>
        <source>Open vacancies that fit {name}: the module trained in or chosen, then the region of domicile or KTP, then the wage. Refer gives the person a vacancy; the sheet lists the top {n} with whom to contact.</source>
        <translation>Lowongan terbuka yang cocok untuk {name}: menurut modul yang diikuti atau dipilih, lalu wilayah domisili atau KTP, lalu upah. Rujuk mencatat lowongan yang diberikan; lembar lowongan memuat {n} teratas beserta kontaknya.</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Rujuk</translation>
    </message>
    <message>
        <source>Print vacancy sheet…</source>
        <translation>Cetak lembar lowongan…</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Not hired</source>
        <translation>Tidak diterima</translation>
    </message>
    <message>
        <source>the employer&apos;s answer to the selected referral</source>
        <translation>jawaban pemberi kerja atas rujukan yang dipilih</translation>
    </message>
    <message>
        <source>{n} open vacancies fit</source>
        <translation>{n} lowongan terbuka yang cocok</translation>
    </message>
    <message>
        <source>No open vacancy fits yet</source>
        <translation>Belum ada lowongan terbuka yang cocok</translation>
    </message>
    <message>
        <source>Referrals ({n})</source>
        <translation>Rujukan ({n})</translation>
    </message>
    <message>
        <source>Referrals: none yet</source>
        <translation>Rujukan: belum ada</translation>
    </message>
    <message>
        <source>Why: {reasons}. Contact: {contact}</source>
        <translation>Alasan: {reasons}. Kontak: {contact}</translation>
    </message>
    <message>
        <source>Save the vacancy sheet</source>
        <translation>Simpan lembar lowongan</translation>
    </message>
</context>
<context>
    <name>PrivacyActions</name>
    <message>
        <source>Export personal data…</source>
        <translation>Ekspor data pribadi…</translation>
    </message>
    <message>
        <source>Erase personal data…</source>
        <translation>Hapus data pribadi…</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>Ekspor data pribadi</translation>
    </message>
    <message>
        <source>Everything held on this person was written to {path}.</source>
        <translation>Semua data yang disimpan tentang orang ini ditulis ke {path}.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Hapus data pribadi</translation>
    </message>
    <message>
        <source>Reason (e.g. the person withdrew consent on this date):</source>
        <translation>Alasan (mis. orang tersebut menarik persetujuan pada tanggal ini):</translation>
    </message>
    <message>
        <source>The name, NIK, contacts, bank account and scans of this person will be removed for good. Payments and certificates stay. Continue?</source>
        <translation>Nama, NIK, kontak, rekening bank, dan pindaian dokumen orang ini akan dihapus permanen. Data pembayaran dan sertifikat tetap disimpan. Lanjutkan?</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>ProgressCard</name>
    <message>
        <source>Progress toward the national target</source>
        <translation>Menuju target nasional</translation>
    </message>
    <message>
        <source>{registered} participants registered; no national target is set.</source>
        <translation>{registered} peserta terdaftar; target nasional belum diisi.</translation>
    </message>
    <message>
        <source>{registered} of the target of {target} participants registered</source>
        <translation>{registered} dari target {target} peserta sudah terdaftar</translation>
    </message>
    <message>
        <source>Office {office}: {count} participants · {share} of the target · {part} of those registered</source>
        <translation>Kantor {office}: {count} peserta · {share} dari target · {part} dari yang terdaftar</translation>
    </message>
</context>
<context>
    <name>ProviderDialog</name>
    <message>
        <source>Edit provider</source>
        <translation>Ubah data lembaga</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Lembaga baru</translation>
    </message>
    <message>
        <source>The licence, the date operations began and the modules decide the agency&apos;s three checks. Dates as DD/MM/YYYY.</source>
        <translation>Izin, tanggal mulai beroperasi, dan modul menentukan tiga parameter penilaian. Tanggal ditulis HH/BB/TTTT.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Narahubung</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>NPWP</source>
        <translation>NPWP</translation>
    </message>
    <message>
        <source>Partner LSP</source>
        <translation>LSP mitra</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Nomor rekening</translation>
    </message>
    <message>
        <source>Account holder</source>
        <translation>Nama pemilik rekening</translation>
    </message>
    <message>
        <source>Licence / registration no.</source>
        <translation>Nomor izin / tanda daftar</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Tanggal terbit</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Operating since</source>
        <translation>Beroperasi sejak</translation>
    </message>
    <message>
        <source>LA-LPK accreditation</source>
        <translation>Akreditasi LA-LPK</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <source>Accreditation until</source>
        <translation>Akreditasi sampai</translation>
    </message>
    <message>
        <source>Save provider</source>
        <translation>Simpan lembaga</translation>
    </message>
    <message>
        <source>Not accredited</source>
        <translation>Belum terakreditasi</translation>
    </message>
    <message>
        <source>Accredited</source>
        <translation>Terakreditasi</translation>
    </message>
    <message>
        <source>e.g. 32.16</source>
        <translation>mis. 32.16</translation>
    </message>
</context>
<context>
    <name>ProviderList</name>
    <message>
        <source>Training providers</source>
        <translation>Lembaga pelatihan</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Lembaga baru</translation>
    </message>
    <message>
        <source>Search provider name…</source>
        <translation>Cari nama lembaga…</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>Semua provinsi</translation>
    </message>
    <message>
        <source>Any decision</source>
        <translation>Semua keputusan</translation>
    </message>
    <message>
        <source>Not decided</source>
        <translation>Belum diputuskan</translation>
    </message>
    <message>
        <source>Licence ending within 60 days</source>
        <translation>Izin berakhir dalam 60 hari</translation>
    </message>
    <message>
        <source>{n} providers</source>
        <translation>{n} lembaga</translation>
    </message>
</context>
<context>
    <name>ProviderPrint</name>
    <message>
        <source>Save the checklist</source>
        <translation>Simpan daftar periksa</translation>
    </message>
</context>
<context>
    <name>ProviderTableModel</name>
    <message>
        <source>Not decided</source>
        <translation>Belum diputuskan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Licence valid until</source>
        <translation>Izin berlaku sampai</translation>
    </message>
    <message>
        <source>{date} (ends soon)</source>
        <translation>{date} (segera berakhir)</translation>
    </message>
</context>
<context>
    <name>ProviderView</name>
    <message>
        <source>← Provider list</source>
        <translation>← Daftar lembaga</translation>
    </message>
    <message>
        <source>Provider data</source>
        <translation>Data lembaga</translation>
    </message>
    <message>
        <source>Modules and instructors</source>
        <translation>Modul dan instruktur</translation>
    </message>
    <message>
        <source>Fitness checklist</source>
        <translation>Penilaian kelayakan</translation>
    </message>
    <message>
        <source>Edit data…</source>
        <translation>Ubah data…</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapasitas</translation>
    </message>
    <message>
        <source>Instructors</source>
        <translation>Instruktur</translation>
    </message>
    <message>
        <source>Change modules…</source>
        <translation>Ubah modul…</translation>
    </message>
    <message>
        <source>Assessment date</source>
        <translation>Tanggal penilaian</translation>
    </message>
    <message>
        <source>Check on this date</source>
        <translation>Periksa pada tanggal ini</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Butir</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bukti</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>Diperiksa oleh</translation>
    </message>
    <message>
        <source>Mark item…</source>
        <translation>Tandai butir…</translation>
    </message>
    <message>
        <source>Attach evidence…</source>
        <translation>Lampirkan bukti…</translation>
    </message>
    <message>
        <source>Decide…</source>
        <translation>Putuskan…</translation>
    </message>
    <message>
        <source>Print checklist…</source>
        <translation>Cetak daftar periksa…</translation>
    </message>
    <message>
        <source>{kind} · {region} · registered at {office} · decision: {result}</source>
        <translation>{kind} · {region} · didaftarkan di {office} · keputusan: {result}</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>Kode wilayah</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Narahubung</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>NPWP</source>
        <translation>NPWP</translation>
    </message>
    <message>
        <source>Partner LSP</source>
        <translation>LSP mitra</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>Bank</translation>
    </message>
    <message>
        <source>Licence / registration no.</source>
        <translation>Nomor izin / tanda daftar</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Tanggal terbit</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Operating since</source>
        <translation>Beroperasi sejak</translation>
    </message>
    <message>
        <source>LA-LPK accreditation</source>
        <translation>Akreditasi LA-LPK</translation>
    </message>
    <message>
        <source>Accreditation until</source>
        <translation>Akreditasi sampai</translation>
    </message>
    <message>
        <source>{name} (inactive: not counted)</source>
        <translation>{name} (nonaktif: tidak dihitung)</translation>
    </message>
    <message>
        <source>Not accredited</source>
        <translation>Belum terakreditasi</translation>
    </message>
    <message>
        <source>Accredited, grade {grade}</source>
        <translation>Terakreditasi, peringkat {grade}</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>otomatis</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <source>No decision yet.</source>
        <translation>Belum ada keputusan.</translation>
    </message>
    <message>
        <source>Decision in force: {result}, assessed {day} by {who}; re-check by {recheck}. Reason: {reason}</source>
        <translation>Keputusan berlaku: {result}, dinilai {day} oleh {who}; penilaian ulang paling lambat {recheck}. Alasan: {reason}</translation>
    </message>
    <message>
        <source>Evidence for {item}</source>
        <translation>Bukti untuk {item}</translation>
    </message>
    <message>
        <source>Scans and photos (*.pdf *.jpg *.jpeg *.png)</source>
        <translation>Pindaian dan foto (*.pdf *.jpg *.jpeg *.png)</translation>
    </message>
</context>
<context>
    <name>RatesModel</name>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Lembaga</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Panggilan</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Bekerja</translation>
    </message>
    <message>
        <source>Own business</source>
        <translation>Usaha sendiri</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>Terhubungi</translation>
    </message>
    <message>
        <source>Not yet called</source>
        <translation>Belum dihubungi</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>Tak terhubungi</translation>
    </message>
    <message>
        <source>{label}, {call}: nobody reached yet, no rate</source>
        <translation>{label}, {call}: belum ada yang terhubungi, belum ada persentase</translation>
    </message>
    <message>
        <source>{label}, {call}: {working} of {reached} reached work again, {own} run a business</source>
        <translation>{label}, {call}: {working} dari {reached} yang terhubungi sudah bekerja lagi, {own} berwirausaha</translation>
    </message>
</context>
<context>
    <name>RatesView</name>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Lembaga</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>Per</translation>
    </message>
    <message>
        <source>Working and own business are counted over the people reached (the figure in brackets: how many). A call not made yet and a person who could not be reached count in neither; they are shown beside the rate. Graduates and people who withdrew of this office&apos;s finished cohorts.</source>
        <translation>Bekerja dan usaha sendiri dihitung dari orang yang terhubungi (angka dalam kurung: jumlah orangnya). Panggilan yang belum dilakukan dan orang yang tak terhubungi tidak dihitung di keduanya; jumlahnya ditampilkan di sampingnya. Lulusan dan peserta yang mengundurkan diri dari angkatan kantor ini yang sudah selesai.</translation>
    </message>
    <message>
        <source>{calls} calls due or done: {reached} reached, {working} of them working again, {open} not yet called, {unreachable} unreachable</source>
        <translation>{calls} panggilan jatuh tempo atau selesai: {reached} terhubungi, {working} di antaranya bekerja lagi, {open} belum dihubungi, {unreachable} tak terhubungi</translation>
    </message>
    <message>
        <source>No follow-up is due yet: the first calls come a month after a cohort ends.</source>
        <translation>Belum ada pemantauan yang jatuh tempo: panggilan pertama sebulan setelah angkatan selesai.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ReceiptPreviewDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Sebelumnya</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Berikutnya ▶</translation>
    </message>
    <message>
        <source>Preview: nothing is recorded until the receipt is printed or saved.</source>
        <translation>Pratinjau: belum ada yang dicatat sampai kuitansi dicetak atau disimpan.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <source>Receipt {n} of {total}: {number}</source>
        <translation>Kuitansi {n} dari {total}: {number}</translation>
    </message>
    <message>
        <source>Sent to the printer: {n} pages.</source>
        <translation>Dikirim ke printer: {n} halaman.</translation>
    </message>
    <message>
        <source>Save the receipts in</source>
        <translation>Simpan kuitansi di</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Disimpan: {path}</translation>
    </message>
</context>
<context>
    <name>RecoveriesTab</name>
    <message>
        <source>Money paid that was not owed. It is kept back from the person&apos;s next payment on its own; what cannot be recovered a supervisor writes off, with the reason.</source>
        <translation>Uang yang dibayarkan padahal bukan haknya. Otomatis dipotong dari pembayaran berikutnya kepada orang yang sama; yang tidak dapat ditagih dihapus buku oleh supervisor dengan alasannya.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Untuk</translation>
    </message>
    <message>
        <source>Entitlement</source>
        <translation>Hak</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>To recover</source>
        <translation>Harus kembali</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Write off…</source>
        <translation>Hapus buku…</translation>
    </message>
    <message>
        <source>{n} to recover, {doubles} of them paid twice: {amount} in all.</source>
        <translation>{n} kelebihan bayar, {doubles} di antaranya dibayar dua kali: seluruhnya {amount}.</translation>
    </message>
    <message>
        <source>Nothing to recover.</source>
        <translation>Tidak ada kelebihan bayar.</translation>
    </message>
    <message>
        <source>Paid twice: {receipts}</source>
        <translation>Dibayar 2×: {receipts}</translation>
    </message>
    <message>
        <source>The same entitlement was paid at two counters while offline.</source>
        <translation>Hak yang sama dibayar di dua loket ketika luring.</translation>
    </message>
    <message>
        <source>The attendance was corrected after the payment.</source>
        <translation>Kehadiran dikoreksi setelah pembayaran.</translation>
    </message>
    <message>
        <source>Write off</source>
        <translation>Hapus buku</translation>
    </message>
    <message>
        <source>What is left of this overpayment is written off: it will not be kept back from a later payment. The reason stays in the audit log.</source>
        <translation>Sisa kelebihan bayar ini dihapus buku: tidak akan dipotong dari pembayaran berikutnya. Alasannya tersimpan di log audit.</translation>
    </message>
    <message>
        <source>Write off {amount}</source>
        <translation>Hapus buku {amount}</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>Dihapus buku</translation>
    </message>
    <message>
        <source>{amount} was written off.</source>
        <translation>{amount} telah dihapus buku.</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <source>Employer</source>
        <translation>Pemberi kerja</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Dirujuk</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Employer&apos;s answer</source>
        <translation>Jawaban pemberi kerja</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Hired from {day}</source>
        <translation>Diterima mulai {day}</translation>
    </message>
    <message>
        <source>Not hired</source>
        <translation>Tidak diterima</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency / city</source>
        <translation>Kab./Kota</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>type to search</source>
        <translation>ketik untuk mencari</translation>
    </message>
    <message>
        <source>choose the province first</source>
        <translation>pilih provinsi dulu</translation>
    </message>
    <message>
        <source>choose the regency first</source>
        <translation>pilih kabupaten/kota dulu</translation>
    </message>
</context>
<context>
    <name>ReportCharts</name>
    <message>
        <source>Paid this month (million rupiah)</source>
        <translation>Dibayar bulan ini (juta rupiah)</translation>
    </message>
    <message>
        <source>Training providers (%)</source>
        <translation>Lembaga pelatihan (%)</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Kelulusan</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Kehadiran</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Penempatan</translation>
    </message>
    <message>
        <source>No provider yet</source>
        <translation>Belum ada lembaga</translation>
    </message>
</context>
<context>
    <name>ReportTableView</name>
    <message>
        <source>No data in this month.</source>
        <translation>Tidak ada data pada bulan ini.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>The programme&apos;s monthly report for HQ: the same figures as the home page and the lists, saved as PDF (with charts) or as an Excel workbook.</source>
        <translation>Laporan bulanan program untuk kantor pusat: angka yang sama dengan Beranda dan daftar-daftar, disimpan sebagai PDF (dengan grafik) atau buku kerja Excel.</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabel</translation>
    </message>
    <message>
        <source>&amp;Month</source>
        <translation>&amp;Bulan</translation>
    </message>
    <message>
        <source>{month} (up to today)</source>
        <translation>{month} (s.d. hari ini)</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>Simpan Excel…</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Menghitung…</translation>
    </message>
    <message>
        <source>The report could not be counted.</source>
        <translation>Laporan tidak dapat dihitung.</translation>
    </message>
    <message>
        <source>{office} · {month} · data up to {day}</source>
        <translation>{office} · {month} · data s.d. {day}</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>Simpan laporan bulanan</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Laporan disimpan</translation>
    </message>
    <message>
        <source>The monthly report was saved to {path}.</source>
        <translation>Laporan bulanan disimpan ke {path}.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Atur ulang kata sandi</translation>
    </message>
    <message>
        <source>Give {name} a temporary password. They must choose their own at the next sign-in; a lock-out on the account is lifted.</source>
        <translation>Berikan kata sandi sementara kepada {name}. Ia wajib membuat kata sandinya sendiri saat masuk berikutnya; kunci akun (jika ada) ikut dibuka.</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>Kata sandi sementara</translation>
    </message>
</context>
<context>
    <name>ResultDialog</name>
    <message>
        <source>Result of {name}</source>
        <translation>Hasil {name}</translation>
    </message>
    <message>
        <source>Attendance {rate}: the completion rule is met.</source>
        <translation>Kehadiran {rate}: aturan kelulusan terpenuhi.</translation>
    </message>
    <message>
        <source>Attendance {rate}. Not met: {why}</source>
        <translation>Kehadiran {rate}. Belum terpenuhi: {why}</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>Tanpa nilai</translation>
    </message>
    <message>
        <source>Passed (lulus)</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Not passed (tidak lulus)</source>
        <translation>Tidak lulus</translation>
    </message>
    <message>
        <source>Needed when the result goes against the rule</source>
        <translation>Wajib bila hasil berbeda dari aturan kelulusan</translation>
    </message>
    <message>
        <source>Assessment score</source>
        <translation>Nilai asesmen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>ReviewTab</name>
    <message>
        <source>Cannot reach the server: {reason}.</source>
        <translation>Tidak dapat menghubungi server: {reason}.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <source>Loading from the server…</source>
        <translation>Memuat dari server…</translation>
    </message>
</context>
<context>
    <name>SaveFlow</name>
    <message>
        <source>Saved, but some scans were not attached</source>
        <translation>Tersimpan, tetapi ada pindaian yang tidak terlampir</translation>
    </message>
    <message>
        <source>NIK already registered</source>
        <translation>NIK sudah terdaftar</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>Buka data yang ada</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Kembali ke formulir</translation>
    </message>
    <message>
        <source>Please check these points with the participant:</source>
        <translation>Periksa hal berikut bersama peserta:</translation>
    </message>
    <message>
        <source>Save with warnings?</source>
        <translation>Simpan dengan peringatan?</translation>
    </message>
    <message>
        <source>Checked, save</source>
        <translation>Sudah diperiksa, simpan</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Only an administrator can change these settings.</source>
        <translation>Hanya admin yang dapat mengubah pengaturan ini.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>Tidak ada yang berubah.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staf</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Loket Vokasi — set up this office</source>
        <translation>Loket Vokasi — penyiapan kantor</translation>
    </message>
    <message>
        <source>Set up this office</source>
        <translation>Siapkan kantor ini</translation>
    </message>
    <message>
        <source>Loket Vokasi is not set up on this computer yet. Choose the office and the device number of this computer, then create the first administrator account.</source>
        <translation>Loket Vokasi belum disiapkan di komputer ini. Pilih kantor dan nomor perangkat komputer ini, lalu buat akun admin pertama.</translation>
    </message>
    <message>
        <source>Try a demo office</source>
        <translation>Coba kantor demo</translation>
    </message>
    <message>
        <source>Sets up office JKT with sample staff and data, clearly marked DEMO.</source>
        <translation>Menyiapkan kantor JKT dengan staf dan data contoh, bertanda DEMO.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Set up office</source>
        <translation>Siapkan kantor</translation>
    </message>
    <message>
        <source>Office and device</source>
        <translation>Kantor dan perangkat</translation>
    </message>
    <message>
        <source>{name} ({code}) — region {region_code}, {region_name}</source>
        <translation>{name} ({code}) — wilayah {region_code}, {region_name}</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kantor</translation>
    </message>
    <message>
        <source>Device number</source>
        <translation>Nomor perangkat</translation>
    </message>
    <message>
        <source>Each counter computer of the same office gets its own number.</source>
        <translation>Setiap komputer loket di kantor yang sama mendapat nomor sendiri.</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>Admin pertama</translation>
    </message>
    <message>
        <source>e.g. admin.budi</source>
        <translation>mis. admin.budi</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <source>Eligibility</source>
        <translation>Kelayakan</translation>
    </message>
    <message>
        <source>A person who does not meet a rule can still be recorded.</source>
        <translation>Orang yang belum memenuhi syarat tetap dapat dicatat.</translation>
    </message>
    <message>
        <source>Possibly registered already</source>
        <translation>Mungkin sudah terdaftar</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>Buka data yang ada</translation>
    </message>
</context>
<context>
    <name>SignedActionDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Kuitansi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Supervisor&apos;s username</source>
        <translation>Nama pengguna supervisor</translation>
    </message>
    <message>
        <source>A supervisor signs in here to take this decision.</source>
        <translation>Supervisor masuk di sini untuk mengambil keputusan ini.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Type the supervisor&apos;s username.</source>
        <translation>Ketik nama pengguna supervisor.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Accounts of this office. A new or reset account gets a temporary password that its owner must change at the next sign-in.</source>
        <translation>Akun staf kantor ini. Akun baru atau yang diatur ulang mendapat kata sandi sementara yang wajib diganti pemiliknya saat masuk berikutnya.</translation>
    </message>
    <message>
        <source>Add staff</source>
        <translation>Tambah staf</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Nonaktifkan</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Atur ulang kata sandi</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka kunci</translation>
    </message>
    <message>
        <source>Staff of this office</source>
        <translation>Staf kantor ini</translation>
    </message>
    <message>
        <source>Active staff</source>
        <translation>Staf aktif</translation>
    </message>
    <message>
        <source>Today on this computer</source>
        <translation>Hari ini di komputer ini</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Berhasil masuk</translation>
    </message>
    <message>
        <source>Refused sign-ins</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <source>Wrong password, locked or inactive account</source>
        <translation>Kata sandi salah, akun terkunci atau nonaktif</translation>
    </message>
    <message>
        <source>Recorded actions</source>
        <translation>Aktivitas tercatat</translation>
    </message>
    <message>
        <source>In the audit log</source>
        <translation>Di log audit</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Menunggu sinkronisasi</translation>
    </message>
    <message>
        <source>Sent when a connection is available</source>
        <translation>Dikirim saat ada koneksi</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktifkan</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>Kata sandi diatur ulang</translation>
    </message>
    <message>
        <source>{name} must choose a new password at the next sign-in.</source>
        <translation>{name} wajib membuat kata sandi baru saat masuk berikutnya.</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Nonaktif</translation>
    </message>
    <message>
        <source>Locked until {time}</source>
        <translation>Terkunci s.d. {time}</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>Wajib ganti kata sandi</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>Change the status of {name}. A reason is required for “not eligible” and “withdrawn”; it is kept in the history.</source>
        <translation>Ubah status {name}. Alasan wajib diisi untuk “tidak memenuhi syarat” dan “mengundurkan diri”; alasan disimpan dalam riwayat.</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Status baru</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>SupervisorConfirmDialog</name>
    <message>
        <source>Your password</source>
        <translation>Kata sandi Anda</translation>
    </message>
    <message>
        <source>The server checks it again before the decision counts.</source>
        <translation>Server memeriksanya lagi sebelum keputusan berlaku.</translation>
    </message>
    <message>
        <source>Type your password to confirm the decision.</source>
        <translation>Ketik kata sandi Anda untuk menegaskan keputusan ini.</translation>
    </message>
</context>
<context>
    <name>SupplyDemandChart</name>
    <message>
        <source>Largest gaps per module</source>
        <translation>Selisih terbesar per modul</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Dibutuhkan</translation>
    </message>
    <message>
        <source>In training + looking</source>
        <translation>Pelatihan + mencari</translation>
    </message>
</context>
<context>
    <name>SupplyDemandModel</name>
    <message>
        <source>Module</source>
        <translation>Modul</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Vacancies</source>
        <translation>Lowongan</translation>
    </message>
    <message>
        <source>Wanted</source>
        <translation>Dibutuhkan</translation>
    </message>
    <message>
        <source>In training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Looking</source>
        <translation>Mencari</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <source>Where the vacancy is, or where the person lives</source>
        <translation>Tempat lowongan, atau tempat tinggal orangnya</translation>
    </message>
    <message>
        <source>Open vacancies that want the module</source>
        <translation>Lowongan terbuka yang mencari modul ini</translation>
    </message>
    <message>
        <source>People the open vacancies want (openings)</source>
        <translation>Jumlah orang yang dibutuhkan lowongan terbuka</translation>
    </message>
    <message>
        <source>People in a planned or running cohort of the module</source>
        <translation>Orang di angkatan modul ini yang direncanakan atau berjalan (sedang pelatihan)</translation>
    </message>
    <message>
        <source>Graduates of the module not working, not self-employed, not studying</source>
        <translation>Lulusan modul ini yang masih mencari: belum bekerja, tidak berwirausaha, tidak melanjutkan pendidikan</translation>
    </message>
    <message>
        <source>Wanted − in training − looking: above zero, more jobs than people</source>
        <translation>Dibutuhkan − pelatihan − mencari: di atas nol, pekerjaan lebih banyak daripada orang</translation>
    </message>
</context>
<context>
    <name>SupplyDemandView</name>
    <message>
        <source>Export XLSX…</source>
        <translation>Ekspor XLSX…</translation>
    </message>
    <message>
        <source>Gap = wanted − in training − looking: above zero (green) the vacancies want more people than the programme has; below zero (red), more people than jobs. A vacancy wanting two modules counts under both.</source>
        <translation>Selisih = dibutuhkan − sedang pelatihan − lulusan mencari: di atas nol (hijau) lowongan membutuhkan lebih banyak orang daripada yang ada di program; di bawah nol (merah), orang lebih banyak daripada pekerjaan. Lowongan yang mencari dua modul dihitung di keduanya.</translation>
    </message>
    <message>
        <source>On {day}: {vacancies} open vacancies wanting {openings} people · {training} in training · {looking} graduates still looking</source>
        <translation>Per {day}: {vacancies} lowongan terbuka membutuhkan {openings} orang · {training} sedang pelatihan · {looking} lulusan masih mencari</translation>
    </message>
    <message>
        <source>No open vacancy and nobody in training or looking yet: nothing to compare.</source>
        <translation>Belum ada lowongan terbuka dan belum ada yang sedang pelatihan atau mencari kerja: belum ada yang dibandingkan.</translation>
    </message>
    <message>
        <source>Export supply and demand</source>
        <translation>Ekspor kebutuhan dan pasokan</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Diekspor</translation>
    </message>
    <message>
        <source>The table is saved in {path}.</source>
        <translation>Tabel disimpan di {path}.</translation>
    </message>
</context>
<context>
    <name>SyncCard</name>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>This computer is not linked to the central server yet.</source>
        <translation>Komputer ini belum terhubung ke server pusat.</translation>
    </message>
    <message>
        <source>Access revoked: link this computer again with a new code.</source>
        <translation>Akses dicabut: hubungkan ulang komputer ini dengan kode baru.</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>Sinkron terakhir berhasil: {when}</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Belum pernah sinkron.</translation>
    </message>
    <message>
        <source>{pending} changes waiting to be sent · {failed} refused</source>
        <translation>{pending} perubahan menunggu dikirim · {failed} ditolak</translation>
    </message>
    <message>
        <source>Last problem: {error}</source>
        <translation>Masalah terakhir: {error}</translation>
    </message>
</context>
<context>
    <name>SyncLabels</name>
    <message>
        <source>add</source>
        <translation>tambah</translation>
    </message>
    <message>
        <source>change</source>
        <translation>ubah</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>hapus</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Menunggu dikirim</translation>
    </message>
    <message>
        <source>Held by the server</source>
        <translation>Ditahan server</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>Menunggu supervisor</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Jenis data</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sync</source>
        <translation>Sinkronisasi</translation>
    </message>
    <message>
        <source>Changes made on this computer are sent to the central server, and changes from the other computers come back. Work goes on without a connection.</source>
        <translation>Perubahan di komputer ini dikirim ke server pusat, dan perubahan dari komputer lain diterima kembali. Pekerjaan tetap berjalan tanpa koneksi.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Bermasalah</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Duplicate NIK</source>
        <translation>NIK ganda</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>Server pusat</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Sinkron terakhir berhasil</translation>
    </message>
    <message>
        <source>Last problem</source>
        <translation>Masalah terakhir</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>not linked</source>
        <translation>belum terhubung</translation>
    </message>
    <message>
        <source>This computer is not linked to the central server yet.</source>
        <translation>Komputer ini belum terhubung ke server pusat.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sedang sinkronisasi…</translation>
    </message>
    <message>
        <source>Access revoked: link this computer again with a new code.</source>
        <translation>Akses dicabut: hubungkan ulang komputer ini dengan kode baru.</translation>
    </message>
    <message>
        <source>Offline: the last try did not reach the server.</source>
        <translation>Offline: percobaan terakhir tidak sampai ke server.</translation>
    </message>
    <message>
        <source>Online: the last sync reached the server.</source>
        <translation>Online: sinkronisasi terakhir sampai ke server.</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Belum pernah sinkron.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <source>Sync complete: {sent} sent, {received} received.</source>
        <translation>Sinkronisasi selesai: {sent} dikirim, {received} diterima.</translation>
    </message>
    <message>
        <source>{n} need attention (tab Problems).</source>
        <translation>{n} perlu diperiksa (tab Bermasalah).</translation>
    </message>
    <message>
        <source>Sync failed: {reason}</source>
        <translation>Sinkronisasi gagal: {reason}</translation>
    </message>
    <message>
        <source>Computer linked</source>
        <translation>Komputer terhubung</translation>
    </message>
    <message>
        <source>This computer now syncs with {url}. The first sync starts now.</source>
        <translation>Komputer ini sekarang sinkron dengan {url}. Sinkronisasi pertama dimulai sekarang.</translation>
    </message>
    <message>
        <source>Showing the newest {shown} of {total}.</source>
        <translation>Menampilkan {shown} terbaru dari {total}.</translation>
    </message>
    <message>
        <source>Waiting ({n})</source>
        <translation>Menunggu ({n})</translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Bermasalah ({n})</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>Sync: checking…</source>
        <translation>Sinkronisasi: memeriksa…</translation>
    </message>
    <message>
        <source>Not linked to the server</source>
        <translation>Belum terhubung ke server</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sedang sinkronisasi…</translation>
    </message>
    <message>
        <source>Access revoked</source>
        <translation>Akses dicabut</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline ({cause})</source>
        <translation>Offline ({cause})</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Belum pernah sinkron</translation>
    </message>
    <message>
        <source>{n} changes waiting</source>
        <translation>{n} perubahan menunggu</translation>
    </message>
    <message>
        <source>{n} with problems</source>
        <translation>{n} bermasalah</translation>
    </message>
    <message>
        <source>Last sync {time}</source>
        <translation>Sinkron terakhir {time}</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Belum pernah sinkron</translation>
    </message>
    <message>
        <source>Click to open the Sync page.</source>
        <translation>Klik untuk membuka halaman Sinkronisasi.</translation>
    </message>
</context>
<context>
    <name>TotalsBox</name>
    <message>
        <source>Entitlements</source>
        <translation>Hak</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Waiting approval</source>
        <translation>Menunggu persetujuan</translation>
    </message>
    <message>
        <source>To pay</source>
        <translation>Siap dibayar</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Kelebihan bayar</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Loket Vokasi — user guide</source>
        <translation>Loket Vokasi — panduan</translation>
    </message>
    <message>
        <source>Search the guide (Ctrl+F)</source>
        <translation>Cari di panduan (Ctrl+F)</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Kembali</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>The user guide was not found: {path}</source>
        <translation>Panduan tidak ditemukan: {path}</translation>
    </message>
    <message>
        <source>Found {n}×. Enter: next.</source>
        <translation>Ditemukan {n}×. Enter: berikutnya.</translation>
    </message>
    <message>
        <source>Not found: {text}</source>
        <translation>Tidak ditemukan: {text}</translation>
    </message>
</context>
<context>
    <name>VacanciesModel</name>
    <message>
        <source>Employer</source>
        <translation>Pemberi kerja</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Wage</source>
        <translation>Upah</translation>
    </message>
    <message>
        <source>Apply by</source>
        <translation>Batas lamaran</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Dirujuk</translation>
    </message>
    <message>
        <source>Why it fits</source>
        <translation>Mengapa cocok</translation>
    </message>
    <message>
        <source>Contact: {contact}</source>
        <translation>Kontak: {contact}</translation>
    </message>
</context>
<context>
    <name>VacancyDialog</name>
    <message>
        <source>New vacancy</source>
        <translation>Lowongan baru</translation>
    </message>
    <message>
        <source>Edit vacancy</source>
        <translation>Ubah lowongan</translation>
    </message>
    <message>
        <source>A vacancy is seen at every office once it is synced. Tick the modules whose graduates fit it: matching offers it to them. Fields marked * are required.</source>
        <translation>Lowongan terlihat di semua kantor setelah sinkronisasi. Centang modul yang lulusannya cocok: pencocokan menawarkannya kepada mereka. Isian bertanda * wajib diisi.</translation>
    </message>
    <message>
        <source>Employer *</source>
        <translation>Pemberi kerja *</translation>
    </message>
    <message>
        <source>Employer NPP</source>
        <translation>NPP pemberi kerja</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Position *</source>
        <translation>Posisi *</translation>
    </message>
    <message>
        <source>Region code *</source>
        <translation>Kode wilayah *</translation>
    </message>
    <message>
        <source>Contact *</source>
        <translation>Kontak *</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Modules wanted *</source>
        <translation>Modul yang dicari *</translation>
    </message>
    <message>
        <source>Openings</source>
        <translation>Jumlah dibutuhkan</translation>
    </message>
    <message>
        <source>Wage from</source>
        <translation>Upah dari</translation>
    </message>
    <message>
        <source>Wage up to</source>
        <translation>Upah sampai</translation>
    </message>
    <message>
        <source>Apply by</source>
        <translation>Batas lamaran</translation>
    </message>
    <message>
        <source>Other skills</source>
        <translation>Keterampilan lain</translation>
    </message>
    <message>
        <source>name and phone or e-mail of the person to apply to</source>
        <translation>nama dan telepon atau e-mail tujuan lamaran</translation>
    </message>
    <message>
        <source>e.g. phone call, letter, job fair</source>
        <translation>mis. telepon, surat, bursa kerja</translation>
    </message>
    <message>
        <source>Save vacancy</source>
        <translation>Simpan lowongan</translation>
    </message>
    <message>
        <source>e.g. 64.71 (Kota Balikpapan)</source>
        <translation>mis. 64.71 (Kota Balikpapan)</translation>
    </message>
    <message>
        <source>per month, e.g. 4.500.000</source>
        <translation>per bulan, mis. 4.500.000</translation>
    </message>
    <message>
        <source>per month, e.g. 5.500.000</source>
        <translation>per bulan, mis. 5.500.000</translation>
    </message>
    <message>
        <source>if known</source>
        <translation>jika diketahui</translation>
    </message>
    <message>
        <source>regency or city code, or a province&apos;s two digits</source>
        <translation>kode kabupaten/kota, atau dua angka kode provinsi</translation>
    </message>
    <message>
        <source>unknown code</source>
        <translation>kode tidak dikenal</translation>
    </message>
</context>
<context>
    <name>VacancyImportDialog</name>
    <message>
        <source>Import vacancies</source>
        <translation>Impor lowongan</translation>
    </message>
    <message>
        <source>CSV or XLSX with one header row and the columns {columns} (* required; modul: codes or names separated by |). Check first: nothing is written until you press Import, and then all rows go in together or none.</source>
        <translation>CSV atau XLSX dengan satu baris judul dan kolom {columns} (* wajib; modul: kode atau nama dipisah |). Periksa dulu: belum ada yang ditulis sampai Anda menekan Impor, lalu semua baris masuk bersama atau tidak sama sekali.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Belum ada berkas dipilih</translation>
    </message>
    <message>
        <source>Skip rows with errors</source>
        <translation>Lewati baris yang salah</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Simpan laporan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Pilih berkas</translation>
    </message>
    <message>
        <source>{total} rows: {ok} OK, {warnings} with warnings, {errors} with errors.</source>
        <translation>{total} baris: {ok} baik, {warnings} dengan peringatan, {errors} salah.</translation>
    </message>
    <message>
        <source>Check only: nothing written.</source>
        <translation>Hanya pemeriksaan: belum ada data yang ditulis.</translation>
    </message>
    <message>
        <source>{n} vacancies imported.</source>
        <translation>{n} lowongan diimpor.</translation>
    </message>
    <message>
        <source>Nothing imported: fix the rows with errors or skip them.</source>
        <translation>Tidak ada yang diimpor: perbaiki baris yang salah atau lewati.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Simpan laporan</translation>
    </message>
</context>
<context>
    <name>VacancyList</name>
    <message>
        <source>Show closed and expired vacancies</source>
        <translation>Tampilkan lowongan yang ditutup dan lewat batas</translation>
    </message>
    <message>
        <source>Add vacancy…</source>
        <translation>Tambah lowongan…</translation>
    </message>
    <message>
        <source>Find matching people…</source>
        <translation>Cari peserta yang cocok…</translation>
    </message>
    <message>
        <source>Edit vacancy…</source>
        <translation>Ubah lowongan…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <source>Close vacancy…</source>
        <translation>Tutup lowongan…</translation>
    </message>
    <message>
        <source>{n} open vacancies, {openings} people wanted</source>
        <translation>{n} lowongan terbuka, {openings} orang dibutuhkan</translation>
    </message>
    <message>
        <source>No open vacancy yet. Record one from an employer&apos;s call or letter (Add vacancy), or import a list.</source>
        <translation>Belum ada lowongan terbuka. Catat dari telepon atau surat pemberi kerja (Tambah lowongan), atau impor daftarnya.</translation>
    </message>
    <message>
        <source>Vacancy closed</source>
        <translation>Lowongan ditutup</translation>
    </message>
    <message>
        <source>{position} at {employer} is closed.</source>
        <translation>{position} di {employer} sudah ditutup.</translation>
    </message>
    <message>
        <source>Close vacancy</source>
        <translation>Tutup lowongan</translation>
    </message>
    <message>
        <source>Close {position} at {employer}? It is no longer offered to anyone; it stays in the reports.</source>
        <translation>Tutup {position} di {employer}? Lowongan tidak ditawarkan lagi kepada siapa pun; tetap tercatat di laporan.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>VacancyModel</name>
    <message>
        <source>Employer</source>
        <translation>Pemberi kerja</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Modules wanted</source>
        <translation>Modul dicari</translation>
    </message>
    <message>
        <source>Openings</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Wage</source>
        <translation>Upah</translation>
    </message>
    <message>
        <source>Apply by</source>
        <translation>Batas lamaran</translation>
    </message>
    <message>
        <source>Referred / hired</source>
        <translation>Dirujuk / diterima</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ditutup</translation>
    </message>
    <message>
        <source>Past its closing date: no longer matched.</source>
        <translation>Lewat batas lamaran: tidak dicocokkan lagi.</translation>
    </message>
    <message>
        <source>wage {wage}</source>
        <translation>upah {wage}</translation>
    </message>
    <message>
        <source>contact {contact}</source>
        <translation>kontak {contact}</translation>
    </message>
    <message>
        <source>sector {sector}</source>
        <translation>sektor {sector}</translation>
    </message>
    <message>
        <source>skills: {skills}</source>
        <translation>keterampilan: {skills}</translation>
    </message>
    <message>
        <source>source: {source}</source>
        <translation>sumber: {source}</translation>
    </message>
</context>
<context>
    <name>VacancyPeopleDialog</name>
    <message>
        <source>Refer</source>
        <translation>Rujuk</translation>
    </message>
    <message>
        <source>People who fit: {position} at {employer}</source>
        <translation>Peserta yang cocok: {position} di {employer}</translation>
    </message>
    <message>
        <source>{position} at {employer}, {region}: {openings} wanted, wage {wage}, apply by {day}; contact {contact}. Graduates and people in training of a wanted module, best fit first; people already working are left out.</source>
        <translation>{position} di {employer}, {region}: dibutuhkan {openings} orang, upah {wage}, batas lamaran {day}; kontak {contact}. Lulusan dan peserta yang sedang pelatihan modul yang dicari, yang paling cocok lebih dulu; yang sudah bekerja tidak ditampilkan.</translation>
    </message>
    <message>
        <source>{n} people fit</source>
        <translation>{n} orang cocok</translation>
    </message>
    <message>
        <source>Why: {reasons}</source>
        <translation>Alasan: {reasons}</translation>
    </message>
</context>
<context>
    <name>VerifyPanel</name>
    <message>
        <source>Code or address</source>
        <translation>Kode atau alamat</translation>
    </message>
    <message>
        <source>Paste the code or the address the certificate&apos;s QR holds, then Enter</source>
        <translation>Tempel kode atau alamat dari QR sertifikat, lalu Enter</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Periksa</translation>
    </message>
    <message>
        <source>Open a photo or scan…</source>
        <translation>Buka foto atau pindaian…</translation>
    </message>
    <message>
        <source>The check needs no internet: it uses the signing keys and revocations of every office that reached this PC through sync.</source>
        <translation>Pemeriksaan tidak memerlukan internet: memakai kunci penanda tangan dan pencabutan semua kantor yang sudah sampai ke PC ini melalui sinkronisasi.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Training dates</source>
        <translation>Tanggal pelatihan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Tanggal terbit</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>Kantor penerbit</translation>
    </message>
    <message>
        <source>Paste a certificate&apos;s code or address first.</source>
        <translation>Tempel dulu kode atau alamat sertifikat.</translation>
    </message>
    <message>
        <source>Open a photo or scan of the certificate</source>
        <translation>Buka foto atau pindaian sertifikat</translation>
    </message>
    <message>
        <source>{name} could not be opened as an image (PNG or JPG).</source>
        <translation>{name} tidak dapat dibuka sebagai gambar (PNG atau JPG).</translation>
    </message>
    <message>
        <source>No QR code could be read in {name}. Take the photo closer, in good light and straight on, so the whole QR code is sharp.</source>
        <translation>Tidak ada kode QR yang terbaca pada {name}. Foto ulang lebih dekat, di tempat terang dan tegak lurus, sampai seluruh kode QR tajam.</translation>
    </message>
    <message>
        <source>Read from the QR code in {name}.</source>
        <translation>Dibaca dari kode QR pada {name}.</translation>
    </message>
    <message>
        <source>PASSED</source>
        <translation>LULUS</translation>
    </message>
</context>
<context>
    <name>WaitingCard</name>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>Menunggu supervisor</translation>
    </message>
    <message>
        <source>Entitlements to approve</source>
        <translation>Hak untuk disetujui</translation>
    </message>
    <message>
        <source>Attendance days to approve</source>
        <translation>Hari absensi untuk disetujui</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Konflik sinkronisasi</translation>
    </message>
    <message>
        <source>Duplicate NIKs</source>
        <translation>NIK ganda</translation>
    </message>
    <message>
        <source>Double payments</source>
        <translation>Dibayar dua kali</translation>
    </message>
    <message>
        <source>Overpayments to recover</source>
        <translation>Kelebihan bayar</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Only the central server knows this figure.</source>
        <translation>Angka ini hanya diketahui server pusat.</translation>
    </message>
    <message>
        <source>Conflicts and duplicate NIKs: asking the server…</source>
        <translation>Konflik dan NIK ganda: menanyakan server…</translation>
    </message>
    <message>
        <source>Conflicts and duplicate NIKs: server unreachable.</source>
        <translation>Konflik dan NIK ganda: server tidak terjangkau.</translation>
    </message>
    <message>
        <source>Conflicts and duplicate NIKs: this computer is not linked to the server.</source>
        <translation>Konflik dan NIK ganda: komputer ini belum terhubung ke server.</translation>
    </message>
    <message>
        <source>Waiting for a supervisor ({n})</source>
        <translation>Menunggu supervisor ({n})</translation>
    </message>
    <message>
        <source>{n} cohorts</source>
        <translation>{n} angkatan</translation>
    </message>
    <message>
        <source>{code}: {n}</source>
        <translation>{code}: {n}</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Loket Vokasi — error</source>
        <translation>Loket Vokasi — kesalahan</translation>
    </message>
    <message>
        <source>An unexpected error occurred. The last action may not have been saved. You can continue working or close the program.</source>
        <translation>Terjadi kesalahan yang tidak terduga. Tindakan terakhir mungkin belum tersimpan. Anda dapat melanjutkan pekerjaan atau menutup program.</translation>
    </message>
    <message>
        <source>The details were written to the log file:
{path}</source>
        <translation>Rinciannya dicatat di berkas log:
{path}</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjutkan</translation>
    </message>
    <message>
        <source>Close the program</source>
        <translation>Tutup program</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>HH/BB/TTTT</translation>
    </message>
</context>
<context>
    <name>followups</name>
    <message>
        <source>month {n}</source>
        <translation>bulan ke-{n}</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <source>Eligible</source>
        <translation>Memenuhi syarat</translation>
    </message>
    <message>
        <source>Not eligible</source>
        <translation>Tidak memenuhi syarat</translation>
    </message>
    <message>
        <source>Not yet certain</source>
        <translation>Belum dapat dipastikan</translation>
    </message>
    <message>
        <source>✓ eligible</source>
        <translation>✓ layak</translation>
    </message>
    <message>
        <source>✗ not eligible</source>
        <translation>✗ tidak layak</translation>
    </message>
    <message>
        <source>? not yet certain</source>
        <translation>? belum pasti</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Something went wrong and the action may not have been completed. Try again; if it happens again, call the office IT.</source>
        <translation>Terjadi kesalahan dan tindakan ini mungkin belum selesai. Coba lagi; jika terulang, hubungi TI kantor.</translation>
    </message>
    <message>
        <source>Details are in the log file: {path}</source>
        <translation>Rinciannya ada di berkas log: {path}</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Tidak diizinkan</translation>
    </message>
    <message>
        <source>Sign-in refused</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <source>Cannot continue</source>
        <translation>Tidak dapat dilanjutkan</translation>
    </message>
    <message>
        <source>Please check</source>
        <translation>Periksa kembali</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>payments</name>
    <message>
        <source>Whole cohort</source>
        <translation>Seluruh angkatan</translation>
    </message>
    <message>
        <source>Week {n}</source>
        <translation>Minggu ke-{n}</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Pocket money</source>
        <translation>Uang saku</translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <source>DEMO — practice office with sample data, not real data</source>
        <translation>DEMO — kantor latihan dengan data contoh, bukan data nyata</translation>
    </message>
</context>
</TS>
