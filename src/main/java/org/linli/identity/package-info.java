/**
 * Identity: accounts, roles, community scopes, sign-in with lockout, TOTP and API tokens. Other modules use
 * {@link org.linli.identity.IdentityApi}, {@link org.linli.identity.CurrentUser} and
 * {@link org.linli.identity.CommunityAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.linli.identity;
