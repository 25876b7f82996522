#!/usr/bin/env bash
# What `mvn -B -Pself-test verify` needs beyond Java 17 and Maven 3.8, as Debian 12 packages, and why:
#   nodejs, npm          the PowerShell grammar check of the collector script (CollectorScriptGrammarTest)
#   chromium             the Allure report read as a browser shows it (ReportInBrowserTest)
#   python3-winrm        pywinrm, a second WinRM client the lab is tested against (PyWinRmAgainstLabTest)
#   krb5-kdc             MIT's krb5kdc and kdb5_util, the KDC of the Kerberos tests (MitKdc)
#   krb5-admin-server    kadmin.local, which makes that KDC's principals
#   openssl              openssl cms -verify, the auditor's check of the signed evidence (SignedEvidenceTest)
# pom.xml runs it first in the self-test profile (phase validate), so that a missing package costs
# seconds, not a build that fails at its last test.
#
#   system-packages.sh install   all present: silent. Missing, as root where apt-get is: installs
#                                them (Debian's apt-get, non-interactive) and checks again.
#   system-packages.sh check     never installs.
# Whatever it cannot install ends the build with exit 1 and one line naming the exact command.
#
# Only bash builtins, `id`, `apt-get` and the Python below are used, so that a test can decide every
# case with a PATH of stand-ins (SystemPackagesScriptTest). The tests look for Python and the KDC at
# fixed places (PyWinRmAgainstLabTest: /usr/bin/python3; MitKdc: /usr/sbin); the two variables
# below let that test point elsewhere.
set -u

mode=${1:-install}
python=${UCCX_PREREQUISITES_PYTHON:-/usr/bin/python3}
sbin=${UCCX_PREREQUISITES_SBIN:-/usr/sbin}

packages=()
reasons=()

lacking() {
  packages+=("$1")
  reasons+=("$1 ($2)")
}

survey() {
  packages=()
  reasons=()
  command -v node >/dev/null 2>&1 || lacking nodejs "node, for the grammar check of the collector script"
  command -v npm >/dev/null 2>&1 || lacking npm "npm, for the grammar check of the collector script"
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || lacking chromium "to read the Allure report as a browser shows it"
  "$python" -c 'import winrm' >/dev/null 2>&1 || lacking python3-winrm "pywinrm for $python, a second WinRM client against the lab"
  { [ -x "$sbin/krb5kdc" ] && [ -x "$sbin/kdb5_util" ]; } || lacking krb5-kdc "$sbin/krb5kdc and kdb5_util, the Kerberos tests' KDC"
  [ -x "$sbin/kadmin.local" ] || lacking krb5-admin-server "$sbin/kadmin.local, the Kerberos tests' principals"
  command -v openssl >/dev/null 2>&1 || lacking openssl "openssl cms -verify, the auditor's check of the signed evidence"
}

# "a (why); b (why)"
listed() {
  local out=$1
  shift
  for item in "$@"; do out+="; $item"; done
  echo "$out"
}

survey
if [ ${#packages[@]} -eq 0 ]; then
  exit 0
fi

install="apt-get install -y ${packages[*]}"
if [ "$mode" = install ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u 2>/dev/null)" = 0 ]; then
  echo "Installing what -Pself-test needs: $(listed "${reasons[@]}")"
  log="${TMPDIR:-/tmp}/uccx-self-test-apt-get.$$.log"
  # Non-interactive: a build must not stop at a debconf question. Output to a log, shown only on failure.
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
    echo "$install failed (the self-test cannot run without ${packages[*]}); apt-get's output: $log" >&2
    exit 1
  fi
  survey
  if [ ${#packages[@]} -eq 0 ]; then
    echo "Installed: $install"
    exit 0
  fi
  echo "still missing after $install: $(listed "${reasons[@]}"); apt-get's output: $log" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing for -Pself-test: $(listed "${reasons[@]}"); this is no Debian system: install the equivalents of Debian's $install" >&2
elif [ "$mode" = install ]; then
  echo "Missing for -Pself-test: $(listed "${reasons[@]}"); install them as root: sudo $install" >&2
else
  # asked only to check; root needs no sudo
  as_root=""
  [ "$(id -u 2>/dev/null)" = 0 ] || as_root="sudo "
  echo "Missing for -Pself-test: $(listed "${reasons[@]}"); install them: $as_root$install" >&2
fi
exit 1
