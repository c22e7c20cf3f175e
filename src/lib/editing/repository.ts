import type { Repository } from '../../schemas/atlasConfig.ts';

/**
 * The repository behind a site, resolved for the pages: the templates of `atlas.yml` → `repository` with the
 * defaults of known hosts filled in. Pure; the pipeline stores it in `site.json`.
 */
export interface ResolvedRepository {
  /** Web address without trailing slash. @example "https://github.com/stadt/sozialatlas" */
  url: string;
  branch: string;
  /** Folder of the atlas in the repository, "" or "atlas/" (with trailing slash). */
  prefix: string;
  /** Template of the web editor's address; placeholders `{path}` (and `{url}`, `{branch}`, already filled). */
  editTemplate: string;
  /** Template of a new prefilled report (`{title}`, `{body}`), absent when reports go by e-mail. */
  issueTemplate?: string | undefined;
  email?: string | undefined;
}

/** The host family, for default templates: GitHub, GitLab (any host with "gitlab" in its name), or unknown. */
function hostKind(url: string): 'github' | 'gitlab' | 'other' {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  if (host === 'github.com') return 'github';
  return host.includes('gitlab') ? 'gitlab' : 'other';
}

const DEFAULT_EDIT = { github: '{url}/edit/{branch}/{path}', gitlab: '{url}/-/edit/{branch}/{path}' } as const;
const DEFAULT_ISSUE = {
  github: '{url}/issues/new?title={title}&body={body}',
  gitlab: '{url}/-/issues/new?issue[title]={title}&issue[description]={body}',
} as const;

/** Fills the defaults of the host; the schema has already refused an unknown host without templates. */
export function resolveRepository(r: Repository): ResolvedRepository {
  const url = r.url.replace(/\/+$/, '');
  const kind = hostKind(url);
  const fill = (tpl: string) => tpl.replaceAll('{url}', url).replaceAll('{branch}', encodeURIComponent(r.branch));
  const edit = r.editUrl ?? (kind === 'other' ? '{url}/{path}' : DEFAULT_EDIT[kind]);
  const issue = r.email ? undefined : (r.issueUrl ?? (kind === 'other' ? undefined : DEFAULT_ISSUE[kind]));
  return {
    url,
    branch: r.branch,
    prefix: r.path ? `${r.path}/` : '',
    editTemplate: fill(edit),
    issueTemplate: issue === undefined ? undefined : fill(issue),
    email: r.email,
  };
}

/** A path in the repository, each segment url-encoded, slashes kept: `content/facilities/kita-a.md`. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The web editor's address of a file of the atlas folder (path relative to the atlas folder). */
export function editFileUrl(repo: ResolvedRepository, file: string): string {
  return repo.editTemplate.replaceAll('{path}', encodePath(`${repo.prefix}${file}`));
}

/** A report's address: a prefilled new issue, or a `mailto:` with subject and body. */
export function reportUrl(repo: ResolvedRepository, title: string, body: string): string {
  if (repo.issueTemplate)
    return repo.issueTemplate
      .replaceAll('{title}', encodeURIComponent(title))
      .replaceAll('{body}', encodeURIComponent(body));
  return `mailto:${repo.email ?? ''}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}
