// Command qlikexport writes a Qlik-like certificate export, good or broken,
// for benchmarks, manual testing and support demonstrations:
//
//	go run ./certs/certstest/qlikexport --out DIR --host HOST --format pem|windows \
//	    [--style legacy|modern] [--machine NAME] [--password-file F] [--broken CODE] \
//	    [--pfx legacy-des|legacy-rc2|modern] [--key pkcs1|pkcs8|legacy-encrypted|pkcs8-encrypted] [--partial]
//
// The keys are made on the spot; nothing secret is committed anywhere.
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"qscert/certs/certstest"
	"qscert/certs/coded"
	"qscert/certs/qlik"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "qlikexport:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("qlikexport", flag.ContinueOnError)
	out := fs.String("out", "", "folder to write the export into (created)")
	host := fs.String("host", "qlik-central.corp.example", "central node FQDN; the root is CN=<host>-CA")
	machine := fs.String("machine", "", "machine the export is for (default: this computer's host name)")
	format := fs.String("format", "windows", "pem or windows")
	style := fs.String("style", "legacy", "legacy (exactly like Qlik's) or modern (with basicConstraints, for OpenSSL peers)")
	passwordFile := fs.String("password-file", "", "file whose first line is the export password (default: none)")
	broken := fs.String("broken", "", "write a broken export that gives this finding code: "+strings.Join(brokenCodes(), ", "))
	pfx := fs.String("pfx", string(certstest.PFXLegacyDES), "PFX encoding: legacy-des, legacy-rc2 or modern")
	key := fs.String("key", string(certstest.KeyPKCS1), "PEM key encoding: pkcs1, pkcs8, legacy-encrypted or pkcs8-encrypted")
	partial := fs.Bool("partial", false, "leave the server files out, as most people copy only client and root")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("--out is required")
	}
	if *machine == "" {
		*machine, _ = os.Hostname()
	}
	password := ""
	if *passwordFile != "" {
		data, err := os.ReadFile(*passwordFile)
		if err != nil {
			return err
		}
		password = strings.SplitN(strings.TrimRight(string(data), "\r\n"), "\n", 2)[0]
	}
	base, err := certstest.NewBase(*host, *machine, certstest.Style(*style), qlik.Format(*format), password, time.Now())
	if err != nil {
		return err
	}
	base.Options.PFX = certstest.PFXEncoding(*pfx)
	base.Options.Key = certstest.KeyEncoding(*key)
	base.Options.Partial = *partial
	if *broken == "" {
		return base.Export.Write(*out, base.Options)
	}
	v, ok := certstest.VariantFor(coded.Code(*broken), base.Options.Format)
	if !ok {
		return fmt.Errorf("no broken variant gives %q in %s format; choose one of: %s", *broken, *format, strings.Join(brokenCodes(), ", "))
	}
	if err := v.Write(*out, base); err != nil {
		return err
	}
	// Some codes depend on how the export is checked, not only on its files.
	hint := fmt.Sprintf("wrote %q (%s): check it with --host %s --machine %s", v.Name, v.Code, base.Host, base.Machine)
	o := v.Options(base, time.Now())
	if o.Host != base.Host {
		hint += fmt.Sprintf(" (use --host %s to see %s)", o.Host, v.Code)
	}
	if len(o.Machines) > 0 && o.Machines[0] != base.Machine {
		hint += fmt.Sprintf(" (use --machine %s to see %s)", o.Machines[0], v.Code)
	}
	if v.ValidationPassword(base) != password {
		hint += " (validate with a different password than the export's to see " + string(v.Code) + ")"
	}
	fmt.Fprintln(os.Stderr, hint)
	return nil
}

func brokenCodes() []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range certstest.Variants {
		if !seen[string(v.Code)] {
			seen[string(v.Code)] = true
			out = append(out, string(v.Code))
		}
	}
	sort.Strings(out)
	return out
}
