/**
 * Governance: owners' joint decisions by the PRC Civil Code (proposals, votes with a roll frozen from the registry,
 * ballots online, on paper and by proxy, exact results), rule documents, joint meetings (四方联席会议) and three-level
 * mediation (矛盾调解). Other modules use {@link org.linli.governance.GovernanceApi} and its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Governance")
package org.linli.governance;
