// Tiny DOM helpers: elements are built with textContent, never from HTML strings.

/** el('p', {class: 'x', onclick: fn}, 'text', childNode) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c == null || c === '') continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const LAYERS = {
  rules: 'rules', fga: 'role permissions (FGA)', toggles: 'topic switch', classifier: 'classifier (unsure)',
  output_check: 'output check', none: 'question detection',
};

export function layerName(layer) {
  return LAYERS[layer] || layer || 'unknown';
}
