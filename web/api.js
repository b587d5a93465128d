// The page's one way to the API: POST /graphql with the clerk's bearer token (kept in
// sessionStorage, gone when the tab closes). Errors come back as ApiError carrying the API's own
// messages (errors[].message, already Chinese); never a stack.

const TOKEN_KEY = "towngraph.token";

export const endpoint = () => new URL("graphql", document.baseURI).href;

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function signIn(value) {
  sessionStorage.setItem(TOKEN_KEY, value.trim().replace(/^Bearer\s+/i, ""));
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

// What the token says about its holder, for the header only (the server checks the token).
export function claims() {
  const t = token();
  if (!t) return null;
  try {
    const part = t.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(part), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

export class ApiError extends Error {
  constructor(messages, status) {
    super(messages.join("；"));
    this.messages = messages;
    this.status = status;
  }
}

// Runs one named operation; resolves to `data`, rejects with ApiError.
export async function gql(query, variables = {}) {
  const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(query);
  let response;
  try {
    response = await fetch(endpoint(), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/graphql-response+json, application/json",
        Authorization: `Bearer ${token() || ""}`,
      },
      body: JSON.stringify({ query, variables, operationName: name ? name[1] : null }),
    });
  } catch {
    throw new ApiError(["无法连接服务器，请检查网络后重试。"], 0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    throw new ApiError([`服务器返回了无法识别的内容（HTTP ${response.status}）。`], response.status);
  }
  const errors = (body && body.errors) || [];
  if (errors.length) {
    throw new ApiError(errors.map((e) => e.message || "未知错误"), response.status);
  }
  if (!response.ok || !body || !body.data) {
    throw new ApiError([`请求未成功（HTTP ${response.status}）。`], response.status);
  }
  return body.data;
}
