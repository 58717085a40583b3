import { expect, screenshot, test } from './support/fixtures';

test('a fresh start shows the Lab; the proxy case is diagnosed and the lesson step completes', async ({ page, app }) => {
  await app.open(page);
  const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
  await expect(sidebar.getByRole('heading', { name: 'Lessons' })).toBeVisible();

  // Lesson "Which hop answered?": step 1 is a relayed 200, step 2 the proxy's own 501.
  await sidebar.getByRole('button', { name: /Which hop answered\?/ }).click();
  const lesson = page.getByRole('region', { name: 'Lesson: Which hop answered?' });
  await lesson.getByRole('radio', { name: '200' }).check();
  await lesson.getByRole('button', { name: 'Send it' }).click();
  await expect(lesson.getByTestId('lesson-step-complete')).toBeVisible();
  await lesson.getByRole('button', { name: 'Next step' }).click();

  await expect(lesson.getByRole('heading', { name: 'A method the proxy does not know' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Method' })).toHaveValue('BREW');
  await lesson.getByRole('radio', { name: '501' }).check();
  await lesson.getByRole('button', { name: 'Send it' }).click();

  await expect(page.getByTestId('status-line')).toContainText('501');
  const explainer = page.getByRole('complementary', { name: 'Explainer' });
  await expect(explainer.getByTestId('finding-proxy-originated').first()).toBeVisible();
  await expect(explainer.getByTestId('hop-author')).toContainText(/proxy/i);
  await expect(lesson.getByTestId('lesson-step-complete')).toBeVisible();
  await screenshot(page, 'lab-lesson-proxy');
});

test('the library finds 501 from anywhere and shows a side-by-side comparison', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Control+k');
  const library = page.getByRole('dialog', { name: 'Library' });
  await library.getByRole('searchbox', { name: 'Search the library' }).fill('501');
  await library.getByRole('button', { name: /Not Implemented/ }).first().click();
  const entry = library.getByRole('article', { name: 'Status 501' });
  await expect(entry).toContainText('RFC 9110 §15.6.2');
  await entry.getByRole('button', { name: 'compare side by side' }).first().click();
  await expect(library.getByRole('table')).toBeVisible();
  await expect(library.getByRole('article', { name: /Comparison/ })).toContainText('501');
  await screenshot(page, 'library-compare');

  await library.getByRole('searchbox', { name: 'Search the library' }).fill('PROPFIND');
  await library.getByRole('button', { name: /PROPFIND/ }).first().click();
  await expect(library.getByRole('article', { name: 'Method PROPFIND' })).toContainText('RFC 4918');
});
