#include "app/crypto.hpp"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace xj::crypto {

Status Init() {
  // sodium_init is thread-safe and returns 1 when already initialised.
  if (sodium_init() < 0) return Status::Internal("libsodium 初始化失败");
  return Status::Ok();
}

Result<std::string> HashPassword(std::string_view password, const PasswordHashCost& cost) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops_limit, cost.mem_limit,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("密码哈希失败（内存不足）");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& encoded_hash, std::string_view password) {
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

namespace {
std::string Hex(const unsigned char* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}
}  // namespace

std::string RandomHex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return Hex(buf.data(), buf.size());
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return Hex(digest, sizeof digest);
}

std::string Base64Encode(std::string_view bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    kVariant);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

Result<std::string> Base64Decode(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return Status::InvalidArgument("不是 base64 文本");
  }
  out.resize(length);
  return out;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

namespace {

constexpr std::size_t kMasterKeyBytes = crypto_kdf_KEYBYTES;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "xjpdata1";
constexpr std::uint64_t kEncryptKeyId = 1;
constexpr std::uint64_t kIndexKeyId = 2;

Result<std::string> ReadKeyHex(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Unavailable("无法读取个人信息密钥文件：" + path).WithReason("data_key_unreadable");
  std::ostringstream text;
  text << in.rdbuf();
  std::string hex = text.str();
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' ')) hex.pop_back();
  return hex;
}

/// Creates `path` with a new random master key, failing if it exists (another process won).
Status CreateKeyFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return Status::Ok();
    return Status::Unavailable("无法创建个人信息密钥文件：" + path + "（" + std::strerror(errno) + "）")
        .WithReason("data_key_unreadable");
  }
  const std::string line = RandomHex(kMasterKeyBytes) + "\n";
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced) {
    ::unlink(path.c_str());
    return Status::Unavailable("无法写入个人信息密钥文件：" + path).WithReason("data_key_unreadable");
  }
  return Status::Ok();
}

}  // namespace

Result<DataKeys> LoadOrCreateDataKeys(const std::string& path) {
  XJ_RETURN_IF_ERROR(Init());
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) XJ_RETURN_IF_ERROR(CreateKeyFile(path));
  XJ_ASSIGN_OR_RETURN(std::string hex, ReadKeyHex(path));
  unsigned char master[kMasterKeyBytes];
  std::size_t len = 0;
  if (hex.size() != 2 * kMasterKeyBytes ||
      sodium_hex2bin(master, sizeof master, hex.data(), hex.size(), nullptr, &len, nullptr) != 0 ||
      len != kMasterKeyBytes) {
    return Status::Internal("个人信息密钥文件内容不是 64 位十六进制密钥：" + path).WithReason("data_key_invalid");
  }
  DataKeys keys;
  keys.encrypt.resize(crypto_secretbox_KEYBYTES);
  keys.index.resize(crypto_auth_hmacsha256_KEYBYTES);
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(keys.encrypt.data()), keys.encrypt.size(), kEncryptKeyId,
                             kKdfContext, master);
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(keys.index.data()), keys.index.size(), kIndexKeyId,
                             kKdfContext, master);
  sodium_memzero(master, sizeof master);
  return keys;
}

std::string EncryptField(const DataKeys& keys, std::string_view plain) {
  std::vector<unsigned char> out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size());
  randombytes_buf(out.data(), crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out.data() + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char*>(plain.data()),
                        plain.size(), out.data(), reinterpret_cast<const unsigned char*>(keys.encrypt.data()));
  return Hex(out.data(), out.size());
}

Result<std::string> DecryptField(const DataKeys& keys, std::string_view cipher_hex) {
  std::vector<unsigned char> box(cipher_hex.size() / 2);
  std::size_t len = 0;
  if (sodium_hex2bin(box.data(), box.size(), cipher_hex.data(), cipher_hex.size(), nullptr, &len, nullptr) != 0 ||
      len < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return Status::Internal("个人信息密文已损坏").WithReason("data_key_mismatch");
  }
  std::string plain(len - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 box.data() + crypto_secretbox_NONCEBYTES, len - crypto_secretbox_NONCEBYTES,
                                 box.data(), reinterpret_cast<const unsigned char*>(keys.encrypt.data())) != 0) {
    return Status::Internal("个人信息无法解密（密钥文件与数据库不一致？）").WithReason("data_key_mismatch");
  }
  return plain;
}

std::string BlindIndex(const DataKeys& keys, std::string_view plain) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(keys.index.data()), keys.index.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(plain.data()), plain.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return Hex(mac, sizeof mac);
}

}  // namespace xj::crypto
