package uccx.compliance.pipeline;

import groovy.lang.Closure;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A declarative block ({@code pipeline}, {@code stage}, {@code post}) read without running it:
 * Jenkins runs its sections in its own order (a stage's {@code post} after its {@code steps}, even
 * when they failed), not in the order they are written.
 */
final class Sections extends GroovyObjectSupport {

    record Section(String name, Object[] arguments) {
    }

    private final List<Section> sections = new ArrayList<>();

    static Sections of(Closure<?> body) {
        Sections sections = new Sections();
        Closure<?> bound = body.rehydrate(sections, body.getOwner(), body.getThisObject());
        bound.setResolveStrategy(Closure.DELEGATE_ONLY);
        bound.call();
        return sections;
    }

    List<Section> all() {
        return List.copyOf(sections);
    }

    Optional<Section> named(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The declarative keywords of {@code agent none} and {@code agent any}. */
    @Override
    public Object getProperty(String name) {
        if (name.equals("none") || name.equals("any")) {
            return name;
        }
        throw new MissingPropertyException(name, getClass());
    }

    @Override
    public Object invokeMethod(String name, Object args) {
        sections.add(new Section(name, args instanceof Object[] array ? array : new Object[] {args}));
        return null;
    }
}
