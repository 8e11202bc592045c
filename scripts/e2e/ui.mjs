export async function takeScreenshots() { return { passed: 0, failed: 0 }; }
