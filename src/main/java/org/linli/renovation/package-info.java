/**
 * Renovation: a compound's renovation project (改造项目) and the supervision of its funds: phases, milestones, budget
 * lines and their three-step review, funding sources ("432"), contracts, staged payments signed by three parties,
 * change control, contingency reserve, resident supervisors. Every fund movement is published through the ledger.
 * Other modules use {@link org.linli.renovation.RenovationApi}; governance implements
 * {@link org.linli.renovation.FundUseDecisions}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Renovation")
package org.linli.renovation;
