package org.linli.governance;

/**
 * How owners who do not vote are treated (a setting from the assembly's rules). The law's default: they neither take
 * part nor approve. Some assemblies' rules count them as taking part and following the majority of the ballots cast
 * (多数票计入), measured separately for area and for headcount.
 */
public enum NonVoters {

	NOT_COUNTED, FOLLOW_MAJORITY

}
