package org.noticeboard.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Walks a page with the keyboard only (Tab, Shift+Tab, arrow keys, Enter, Space, typing): every
 * key that should move the focus must move it to an element that is shown and looks different
 * while it has the focus (its outline, shadow, border or background, on itself, its component or
 * the component's parts, compared with how it looks once the focus has left it).
 */
final class KeyboardWalk {

    /** Where the focus is: the innermost focused element, its component and what it says. */
    record Focus(String tag, String component, List<String> ids, List<String> within, String text, String cell,
            String label, boolean visible) {

        boolean has(String id) {
            return ids.contains(id);
        }

        /** Whether the focus is inside an element of this name (a dialog, a grid...). */
        boolean inside(String element) {
            return within.contains(element);
        }

        @Override
        public String toString() {
            String name = !label.isBlank() ? label : text;
            return component + (tag.equals(component) ? "" : ">" + tag) + (ids.isEmpty() ? "" : "#" + ids.getFirst())
                    + (name.isBlank() ? "" : " \"" + (name.length() > 60 ? name.substring(0, 60) + "…" : name) + "\"");
        }
    }

    /**
     * The focused element (through open shadow roots), described; it is remembered with the look of
     * it and of its component while focused, for {@link #LOOK_CHANGED} once the focus has moved on.
     */
    private static final String FOCUS = """
            () => {
              const up = n => n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              if (!el || el === document.body || el === document.documentElement) return null;
              const chain = [];
              for (let n = el, i = 0; n && i < 12; n = up(n), i++) chain.push(n);
              const component = chain.find(n => n.localName.includes('-') && !/layout$|^vaadin-grid-cell-content$/.test(n.localName)) || el;
              // the element, and its ancestors up to the outermost component that says it has the focus
              // (Vaadin marks it with focused / focus-ring and draws the ring on one of its parts)
              const marked = chain.filter(n => n.hasAttribute && (n.hasAttribute('focus-ring') || n.hasAttribute('focused')));
              const owner = marked.length ? marked[marked.length - 1] : component;
              const look = n => {
                const nodes = [];
                for (let m = n; m; m = up(m)) {
                  nodes.push(m);
                  if (m.shadowRoot) m.shadowRoot.querySelectorAll('[part]').forEach(p => nodes.push(p));
                  if (m === owner) break;
                }
                return nodes.map(m => [null, '::before', '::after'].map(pseudo => {
                  const s = getComputedStyle(m, pseudo);
                  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.borderColor, s.backgroundColor,
                          s.textDecorationLine, s.opacity].join(' ');
                }).join(';')).join('|');
              };
              window.__keyboardWalk = { el, component, look: look(el), lookOf: look };
              const slotted = n => [...n.querySelectorAll('slot')].flatMap(s => s.assignedElements({flatten: true}))
                  .map(e => e.innerText || e.textContent || '').join(' ');
              const cell = /^t[dh]$/.test(el.localName) ? slotted(el) : '';
              const row = chain.find(n => n.localName === 'tr');
              let text = '';
              if (row) {
                text = slotted(row);
              } else {
                text = component.innerText || component.textContent || el.innerText || '';
              }
              // shown: a box of its own, or (a dialog, whose element only hosts it) something drawn in its shadow root
              const boxed = n => { const r = n.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
              const parts = el.shadowRoot ? [...el.shadowRoot.querySelectorAll('*')] : [];
              const style = getComputedStyle(el);
              return {
                tag: el.localName,
                component: component.localName,
                ids: chain.map(n => n.id).filter(id => id),
                within: chain.map(n => n.localName),
                text: text.replace(/\\s+/g, ' ').trim().slice(0, 200),
                cell: cell.replace(/\\s+/g, ' ').trim(),
                label: (el.getAttribute('aria-label') || component.getAttribute('aria-label') || '').trim(),
                visible: (boxed(el) || parts.some(boxed)) && style.visibility !== 'hidden'
              };
            }""";

    /**
     * Whether the element focused before looked different while it had the focus: null when it is
     * gone from the page, or when the focus only moved inside its component (a grid's cells).
     */
    private static final String LOOK_CHANGED = """
            () => {
              const before = window.__keyboardWalk;
              if (!before || !before.el.isConnected) return null;
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              const up = n => n.parentElement || (n.getRootNode() instanceof ShadowRoot ? n.getRootNode().host : null);
              for (let n = el; n; n = up(n)) if (n === before.component) return null;
              return before.lookOf(before.el) !== before.look;
            }""";

    private final Page page;
    private final List<String> steps = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Focus current;

    KeyboardWalk(Page page) {
        this.page = page;
    }

    /** Every key pressed and where the focus went, for the report. */
    List<String> steps() {
        return steps;
    }

    Focus focus() {
        page.waitForTimeout(150);
        Object described = page.evaluate(FOCUS);
        if (described == null) {
            return new Focus("body", "body", List.of(), List.of("body"), "", "", "", true);
        }
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) described;
        @SuppressWarnings("unchecked")
        var ids = (List<String>) map.get("ids");
        @SuppressWarnings("unchecked")
        var within = (List<String>) map.get("within");
        return new Focus((String) map.get("tag"), (String) map.get("component"), ids, within, (String) map.get("text"),
                (String) map.get("cell"), (String) map.get("label"), (Boolean) map.get("visible"));
    }

    /** Presses a key that moves the focus: it must land on a shown element, and the one it left must have shown it had it. */
    Focus press(String key) {
        Focus before = current;
        page.keyboard().press(key);
        Focus after = focus();
        Object changed = page.evaluate(LOOK_CHANGED.replace("window.__keyboardWalk", "window.__keyboardWalkBefore"));
        steps.add(key + " -> " + after);
        if (Boolean.FALSE.equals(changed) && before != null) {
            problems.add("no visible focus indicator on " + before);
        }
        if (!after.visible()) {
            problems.add("focus on an element that is not shown: " + after);
        }
        current = after;
        // the element now focused is the one compared once the focus leaves it
        page.evaluate("() => { window.__keyboardWalkBefore = window.__keyboardWalk; }");
        return after;
    }

    /** Presses a key that acts (Enter, Space) without needing the focus to move. */
    void act(String key) {
        steps.add(key + " on " + current);
        page.keyboard().press(key);
    }

    void type(String text) {
        steps.add("type \"" + text + "\" into " + current);
        page.keyboard().type(text);
    }

    /** Where the focus is now, taken as the start of the walk (after a page load or a navigation). */
    Focus start() {
        current = focus();
        page.evaluate("() => { window.__keyboardWalkBefore = window.__keyboardWalk; }");
        steps.add("start at " + current);
        return current;
    }

    Focus tabTo(String what, Predicate<Focus> target, int most) {
        return moveTo("Tab", what, target, most);
    }

    Focus shiftTabTo(String what, Predicate<Focus> target, int most) {
        return moveTo("Shift+Tab", what, target, most);
    }

    Focus arrowTo(String key, String what, Predicate<Focus> target, int most) {
        return moveTo(key, what, target, most);
    }

    private Focus moveTo(String key, String what, Predicate<Focus> target, int most) {
        if (current == null) {
            start();
        }
        if (target.test(current)) {
            return current;
        }
        var seen = new ArrayList<String>();
        for (int i = 0; i < most; i++) {
            Focus now = press(key);
            seen.add(now.toString());
            if (target.test(now)) {
                assertThat(problems).as("keyboard focus problems on the way to " + what).isEmpty();
                return now;
            }
        }
        throw new AssertionError(what + " not reached with " + most + " × " + key + "; the focus went to:\n  "
                + String.join("\n  ", seen));
    }

    /** Once the walk is over: no focused element lacked a visible indicator. */
    void assertNoProblems() {
        assertThat(problems).as("keyboard focus problems").isEmpty();
    }
}
