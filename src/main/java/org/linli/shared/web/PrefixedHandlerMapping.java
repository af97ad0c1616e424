package org.linli.shared.web;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

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
	private static final ThreadLocal<Lookup> LOOKUP_PATH = new ThreadLocal<>();

	/** The path being looked up, raw and as parsed for pattern matching (null if the request has none parsed). */
	private record Lookup(String path, @Nullable PathContainer parsed) {
	}

	/**
	 * A mapping's literal pattern starts, and its path patterns for a match on the path alone before the full test
	 * (null if one is the empty pattern, left to Spring).
	 */
	private record Shape(String[] starts, PathPattern @Nullable [] patterns) {
	}

	private static final String[] ANY = { "" };

	/** The literal starts of each mapping's patterns, by mapping instance; read-only once the mappings are known. */
	private volatile Map<RequestMappingInfo, Shape> shapes = Map.of();

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		Map<RequestMappingInfo, Shape> byMapping = new IdentityHashMap<>();
		handlerMethods.keySet().forEach(info -> byMapping.put(info, new Shape(prefixesOf(info), patternsOf(info))));
		this.shapes = byMapping;
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request)
			throws Exception {
		if (lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || !getPatternParser().isCaseSensitive()) {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		Lookup outer = LOOKUP_PATH.get();
		LOOKUP_PATH.set(new Lookup(lookupPath, ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null));
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
		Lookup lookup = LOOKUP_PATH.get();
		// a mapping registered later (registerMapping) has no entry and is tested in full
		Shape shape = (lookup != null) ? this.shapes.get(info) : null;
		if (shape != null && (!mayMatch(shape.starts(), lookup.path()) || !pathMatches(shape.patterns(), lookup))) {
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

	/**
	 * Whether one of the patterns matches the path, as Spring's pattern condition tests it (same patterns, same parsed
	 * path), but before the method and header tests, which each go through the request's wrappers.
	 */
	private static boolean pathMatches(PathPattern @Nullable [] patterns, Lookup lookup) {
		if (patterns == null || lookup.parsed() == null) {
			return true;
		}
		for (PathPattern pattern : patterns) {
			if (pattern.matches(lookup.parsed())) {
				return true;
			}
		}
		return false;
	}

	static PathPattern @Nullable [] patternsOf(RequestMappingInfo info) {
		PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
		if (patterns == null || patterns.getPatterns().isEmpty()
				|| patterns.getPatterns().stream().anyMatch(pattern -> pattern.getPatternString().isEmpty())) {
			return null;
		}
		return patterns.getPatterns().toArray(PathPattern[]::new);
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
