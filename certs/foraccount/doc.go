// Package foraccount is what the command line and the wizard share to act
// for the account that uses the certificate: which accounts and services
// this machine has and how to act as one (System), the install options of
// an install for an account, running a qscert sub-command as that account
// and reading back its JSON document (RunAs), and the connection test made
// for the account (TestAs, TestForMachine) with the key access check of
// the machine choice.
//
// It sits above packages accounts, install, qrs and output and below the
// front ends: `qscert test --for-account` and the wizard's confirmation
// step run the same code and say the same sentences.
package foraccount
