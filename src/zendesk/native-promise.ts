// The SDK falls back to a bundled Promise polyfill for browsers without one; every browser
// Zendesk supports has Promise, so the build points that import here instead.
export default Promise;
