<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en">
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
        <source>Recorded actions</source>
        <translation>Aktivitas tercatat</translation>
    </message>
    <message>
        <source>Waiting to sync</source>
        <translation>Menunggu sinkronisasi</translation>
    </message>
    <message>
        <source>Wrong password, locked or inactive account</source>
        <translation>Kata sandi salah, akun terkunci atau nonaktif</translation>
    </message>
    <message>
        <source>Written to the audit log</source>
        <translation>Tercatat di log audit</translation>
    </message>
    <message>
        <source>Sent when a connection is available</source>
        <translation>Dikirim saat ada koneksi</translation>
    </message>
    <message>
        <source>Every action is recorded in the audit log of this computer and sent to the central server when a connection is available. Work goes on without a connection.</source>
        <translation>Setiap tindakan dicatat dalam log audit komputer ini dan dikirim ke server pusat saat koneksi tersedia. Pekerjaan tetap bisa berjalan tanpa koneksi.</translation>
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
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
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
        <source>Office: {code} — {name}</source>
        <translation>Kantor: {code} — {name}</translation>
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
    <name>widgets</name>
    <message>
        <source>DEMO — practice office with sample data, not real data</source>
        <translation>DEMO — kantor latihan dengan data contoh, bukan data nyata</translation>
    </message>
</context>
</TS>
