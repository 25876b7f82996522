package uccx.compliance.pipeline;

import groovy.lang.Closure;
import groovy.lang.GroovyObjectSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code matrix} block read without running it: its axes, and its other sections (agent, when,
 * stages, post) kept to be run once per cell, when the cell's axis values are known.
 */
final class MatrixDefinition extends GroovyObjectSupport {

    record Section(String name, Object[] arguments) {
    }

    private final Map<String, List<String>> axes = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();

    static MatrixDefinition of(Closure<?> body) {
        MatrixDefinition definition = new MatrixDefinition();
        definition.read(body, definition);
        return definition;
    }

    List<Section> sections() {
        return List.copyOf(sections);
    }

    /** Every combination of axis values, in the order the axes and values are written. */
    List<Map<String, String>> cells() {
        List<Map<String, String>> cells = List.of(Map.of());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> wider = new ArrayList<>();
            for (Map<String, String> cell : cells) {
                for (String value : axis.getValue()) {
                    Map<String, String> next = new LinkedHashMap<>(cell);
                    next.put(axis.getKey(), value);
                    wider.add(next);
                }
            }
            cells = wider;
        }
        return cells;
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        Object[] arguments = args instanceof Object[] array ? array : new Object[] {args};
        switch (name) {
            case "axes":
                read((Closure<?>) arguments[0], this);
                break;
            case "axis":
                Axis axis = new Axis();
                read((Closure<?>) arguments[0], axis);
                axes.put(axis.name, axis.values);
                break;
            default:
                sections.add(new Section(name, arguments));
        }
        return null;
    }

    private void read(Closure<?> body, Object delegate) {
        Closure<?> bound = body.rehydrate(delegate, body.getOwner(), body.getThisObject());
        bound.setResolveStrategy(Closure.DELEGATE_FIRST);
        bound.call();
    }

    /** {@code axis { name 'ENV'; values 'lab', 'prod' }} */
    private static final class Axis extends GroovyObjectSupport {
        private String name;
        private List<String> values = List.of();

        @Override
        public Object invokeMethod(String directive, Object args) {
            Object[] arguments = args instanceof Object[] array ? array : new Object[] {args};
            switch (directive) {
                case "name" -> name = String.valueOf(arguments[0]);
                case "values" -> values = java.util.Arrays.stream(arguments).map(String::valueOf).toList();
                default -> throw new IllegalArgumentException("an axis has a name and values, not " + directive);
            }
            return null;
        }
    }
}
