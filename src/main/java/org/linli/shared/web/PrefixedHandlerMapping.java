package org.linli.shared.web;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the handler of a path with variables without testing every mapping in full. Spring MVC looks up such a path
 * ({@code /api/v1/communities/{cid}/rooms}) by testing all the application's mappings (about 470) in turn, and each
 * test first asks the request, through a dozen security wrappers, for its method and CORS headers: a third of the CPU
 * of a small API request (docs/performance.md). Here a mapping none of whose patterns can start like the path is
 * passed over before that test; every other mapping is tested exactly as before, so the same handler is chosen.
 * <p>
 * The literal start of a pattern is compared with the raw path, so paths with percent-encoded characters or matrix
 * variables ({@code %}, {@code ;}), which patterns match only after decoding, take the full look-up.
 */
class PrefixedHandlerMapping extends RequestMappingHandlerMapping {

	/** The path being looked up by this thread, while it is looked up (null: test every mapping in full). */
	private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

	private static final String[] ANY = { "" };

	/** The literal starts of each mapping's patterns, by mapping instance; read-only once the mappings are known. */
	private volatile Map<RequestMappingInfo, String[]> prefixes = Map.of();

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		Map<RequestMappingInfo, String[]> byMapping = new IdentityHashMap<>();
		handlerMethods.keySet().forEach(info -> byMapping.put(info, prefixesOf(info)));
		this.prefixes = byMapping;
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || !getPatternParser().isCaseSensitive()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		String outer = LOOKUP_PATH.get();
		LOOKUP_PATH.set(lookupPath);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			if (outer == null) {
				LOOKUP_PATH.remove();
			}
			else {
				LOOKUP_PATH.set(outer);
			}
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		String path = LOOKUP_PATH.get();
		// a mapping registered later (registerMapping) has no entry and is tested in full
		String[] starts = (path != null) ? this.prefixes.get(info) : null;
		if (starts != null && !mayMatch(starts, path)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	private static boolean mayMatch(String[] prefixes, String path) {
		for (String prefix : prefixes) {
			if (path.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** The literal starts of a mapping's path patterns; a mapping without path patterns may match any path. */
	static String[] prefixesOf(RequestMappingInfo info) {
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (patterns == null || patterns.getPatternValues().isEmpty()) {
			return ANY;
		}
		return patterns.getPatternValues().stream().map(PrefixedHandlerMapping::literalStart).toArray(String[]::new);
	}

	/** The part of a path pattern before its first variable or wildcard ({@code {}, {@code *}, {@code ?}). */
	static String literalStart(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return pattern.substring(0, i);
			}
		}
		return pattern;
	}

}
