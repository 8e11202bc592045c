/** The cheap pre-tests of the pattern expressions answer what the expressions answer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineFeatures } from '../../server/src/service/chrome/features';
import { FOOTER, footerPhrase, headCues } from '../../server/src/service/chrome/patterns';

const PHRASES = ['© 2025 Example', 'Copyright 2024', 'All rights reserved.', 'Privacy Policy', 'privacy settings', 'Terms of Use', 'terms of service', 'Terms and Conditions', 'Terms & Conditions', 'Contact Us', 'About us', 'Sitemap', 'site map', 'Cookies', 'cookie preferences', 'Newsletter', 'Subscribe', 'you agree to our terms', 'agree to the rules', 'Email address', 'Unsubscribe', 'Share your feedback', 'share feedback', 'Sneak a peek at it', 'Do Not Sell My Info', 'Accessibility Statement', 'Powered by WordPress', 'Back to top', 'Skip to main content', 'skip to content'];
const NEAR = ['They agreed to meet', 'the US contracted services', 'rights were reserved', 'top of the page', 'termsheet of use', 'contact usa', 'powered byte', 'do not sells', 'newsletters', 'subscribers', 'cookiejar', 'the back to topics', 'privacy policyholder', 'access statement', 'sitemaps', 'e-mail address'];
const FRAMES = (p: string) => [p, `${p}.`, `Read our ${p} here`, `x${p}`, `${p}x`, `_${p}`, `${'word '.repeat(58)}${p}`, `${'a'.repeat(297)} ${p}`];

test('the footer phrases run in parts answer what the one FOOTER expression answers', () => {
  let matched = 0;
  for (const p of [...PHRASES, ...NEAR]) {
    for (const text of FRAMES(p)) {
      const f = lineFeatures(text);
      const h = f.text.length > 300 ? f.text.slice(0, 300) : f.text;
      const want = FOOTER.test(h);
      if (want) matched++;
      assert.equal(footerPhrase(h, headCues(f)), want, text);
    }
  }
  assert.ok(matched > PHRASES.length * 3);
});
