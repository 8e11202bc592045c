/** The cheap pre-tests of the pattern expressions answer what the expressions answer. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineFeatures } from '../../server/src/service/chrome/features';
import { FOOTER, footerPhrase, headCues, isCommentsStart } from '../../server/src/service/chrome/patterns';
import { ENGLISH_STOPWORDS } from '../../server/src/service/chrome/stopwords';

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

test('the stopwords are ASCII letters and apostrophes without k: lineFeatures never looks up a word with other characters', () => {
  for (const w of ENGLISH_STOPWORDS) assert.match(w, /^[a-jl-z']+$/, w);
  // a word with a character outside ASCII counts as a content word, as the set lookup would say
  const f = lineFeatures('Türkiye und Ünye: the café is here');
  assert.equal(f.words, 7);
  assert.equal(f.stopwords, 3);
});

test('comment-section openers are found whatever letter they start with, and `… says:` lines by their cue (every phrase holds a word of the `comments` cue)', () => {
  const yes = ['12 Comments', 'No responses', 'Comments', 'Show all comments (4)', 'Leave a Reply', 'Post your comment', 'Join the discussion', 'Load more comments', 'Comments are closed', 'Be the first to comment', 'What do you think?', '| Reply', 'Reply', 'Share this:', 'Like this:', 'Jane Doe says:', 'Ørjan Nilsen says', 'About the author', 'Written by Jane', 'Written by', 'Reviewed by:', 'Fact-checked by', 'Author', 'Authors:', 'About our expert', 'Meet the writer', 'Was this page helpful?', 'Did you find this article useful?', 'Next post', 'Previous Article: Rail services cut on rural lines', '« Previous', 'Previous: Paying for the rides I took', 'Next Post →', 'PrevPreviousThe Sweet Truth About Chocolate', 'PreviousDiscussing Fashion in English', 'Thanks for reading Example Weekly! Subscribe for free to receive new posts and support my work.', 'Discussion', 'Start the conversation', '3 Replies', '2 thoughts on', 'Read all responses', 'About the reviewers', 'About this contributor', 'POSTED BY', 'user comments (12)'];
  const no = ['Jane Doe', 'The minister says the plan works.', 'Readers', 'Zero comments here', 'Ørjan Nilsen', 'Author of the plan', 'Edited by hand, the photos look better.', 'About our experts and their findings', 'Next, the article says so.', 'Previous posts', 'Next', 'Previous', 'NextEra Energy to buy a rival', 'Previously, she was an executive director', 'Older adults: what to know', 'Thanksgiving reading list'];
  for (const t of yes) assert.equal(isCommentsStart(lineFeatures(t)), true, t);
  for (const t of no) assert.equal(isCommentsStart(lineFeatures(t)), false, t);
});
