package org.civicgrid.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The case page's action forms as a browser test drives them (shared by the journey browser tests). */
public final class CaseForms {

    private CaseForms() {
    }

    /** The action's {@code <details>} form, opened. */
    public static WebElement open(Browser browser, String action) {
        WebElement details = browser.await(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return details;
    }

    /** Opens the action's small form, fills it, submits it and waits for the case page saying it is done. */
    public static void act(Browser browser, String action, Consumer<WebElement> fill) {
        WebElement details = open(browser, action);
        fill.accept(details);
        details.findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("done=" + action));
    }

    public static void assertStage(WebDriver d, String stage) {
        assertEquals(stage, d.findElement(By.cssSelector("h1 .stage")).getText());
    }

    /** Selects the first option whose text contains {@code text}; fails naming the options when none does. */
    public static void selectContaining(WebElement select, String text) {
        Select s = new Select(select);
        WebElement option = s.getOptions().stream().filter(o -> o.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no option with " + text + " in " + select.getText()));
        s.selectByValue(option.getAttribute("value"));
    }
}
