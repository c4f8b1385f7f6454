// Package accounts answers "whose store?" on a third-party machine: the
// account a product's Windows service runs as, and how qscert acts for it.
//
// A product that calls Qlik (a reporting server, NPrinting, a monitoring
// tool) runs as a Windows service under its own account, and Qlik looks for
// the client certificate in that account's Personal store, or in
// LocalMachine\My with a private key the account may read. Importing a PFX
// "into another user's store" from an administrator's session leaves the
// key in the administrator's profile (user keys are protected by the
// importing user's DPAPI keys), where the service never finds it. So:
//
//   - Resolver turns a typed name or a SID into an Account and classifies
//     it (LocalSystem, LocalService, NetworkService, a virtual account, a
//     managed service account, an ordinary user);
//   - ServiceLister lists this machine's services, likely products first,
//     and tells a service's account;
//   - Runner runs a qscert sub-command as that account (an ordinary user
//     through a logon with its password, the built-in and managed accounts
//     through a one-shot scheduled task), hands it a secret payload over a
//     pipe and streams its JSON lines back;
//   - the machine choice, granting the account read access to a machine
//     key, is store.KeyAccessGranter in package store.
//
// Everything here exists on Windows only. Elsewhere the constructors return
// accounts-unsupported, and the Simulated types stand in for tests.
package accounts
