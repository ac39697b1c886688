/**
 * Logins made from Mend: a patient registered with an e-mail address gets a user in the identity provider (made, or
 * found by the address and linked), the realm role, and the provider's own e-mail to set a password; disabling a login
 * disables the user and closes the person's sockets. {@link care.mend.account.IdentityProvisioning} is the port (a
 * fake serves the unit tests), {@link care.mend.account.KeycloakProvisioning} the only class that speaks Keycloak's
 * Admin REST API, and {@link care.mend.account.AccountService} orders the steps so that no call to the identity
 * provider runs inside a database transaction or on a WebSocket container thread.
 */
package care.mend.account;
