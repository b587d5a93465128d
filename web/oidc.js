// 统一身份认证登录: OAuth 2.0 authorization code with PKCE in the browser, against the provider the
// server names in web/config.json; the access token it returns becomes the bearer token.

import { signIn } from "./api.js";

const KEY = "towngraph.oidc";

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));
const redirectUri = () => new URL(".", document.baseURI).href;

export async function startOidc(oidc) {
  if (!crypto.subtle) throw new Error("统一身份认证需要通过 HTTPS 访问本页面。");
  const verifier = random(48);
  const state = random(16);
  const challenge = b64url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(KEY, JSON.stringify({ verifier, state }));
  const url = new URL(oidc.authorizationEndpoint);
  const q = { response_type: "code", client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope,
    state, code_challenge: challenge, code_challenge_method: "S256" };
  Object.entries(q).forEach(([k, v]) => url.searchParams.set(k, v));
  location.assign(url.href);
}

// On the way back (?code=…&state=…): trades the code for a token. True when signed in.
export async function finishOidc(oidc) {
  const params = new URLSearchParams(location.search);
  const saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
  if (!params.has("code") || !oidc || !saved) return false;
  sessionStorage.removeItem(KEY);
  history.replaceState(null, "", redirectUri() + location.hash);
  if (params.get("state") !== saved.state) throw new Error("登录状态校验失败，请重新登录。");
  const response = await fetch(oidc.tokenEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: params.get("code"),
      redirect_uri: redirectUri(), client_id: oidc.clientId, code_verifier: saved.verifier }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body.access_token) throw new Error("统一身份认证未返回令牌，请重试或用令牌登录。");
  signIn(body.access_token);
  return true;
}
