package org.civicgrid.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * 枚举参数 — query and path parameters of an enum type read without regard to case ({@code ?outcome=created} as
 * API.md writes it, or {@code CREATED}); an unknown value is a 400 naming the values allowed, never a 404.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum()) {
            return null;
        }
        return (ParamConverter<T>) new CaseInsensitive(rawType);
    }

    private record CaseInsensitive<E extends Enum<E>>(Class<E> type) implements ParamConverter<E> {

        @Override
        public E fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String wanted = value.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst()
                    .orElseThrow(() -> Problem.badRequest(null, "unknown value '" + (value.length() > 50 ? value.substring(0, 50) + "…" : value)
                            + "'; one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))));
        }

        @Override
        public String toString(E value) {
            return value == null ? null : value.name();
        }
    }
}
