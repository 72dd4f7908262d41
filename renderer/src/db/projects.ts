import { DEFAULT_TEMPLATE_ID, findTemplate, templateTags } from '@shared/codebook/templates.ts';
import { newId, nowIso } from '@shared/model/ids.ts';
import type { Project } from '@shared/model/types.ts';
import { db } from './db.ts';

/** A new project whose codebook starts from a template (shared/codebook/templates.ts). */
export async function createProject(name: string, templateId: string = DEFAULT_TEMPLATE_ID): Promise<Project> {
  const clean = name.trim();
  if (!clean) throw new Error('A project needs a name.');
  const template = findTemplate(templateId);
  if (!template) throw new Error(`No codebook template “${templateId}”.`);
  const now = nowIso();
  const project: Project = { id: newId(), name: clean, createdAt: now, updatedAt: now, categories: template.categories() };
  await db.transaction('rw', db.projects, db.tags, async () => {
    await db.projects.add(project);
    await db.tags.bulkAdd(templateTags(template, project.id, newId, now, project.categories));
  });
  return project;
}

export async function renameProject(id: string, name: string): Promise<void> {
  const clean = name.trim();
  if (!clean) throw new Error('A project needs a name.');
  await db.projects.update(id, { name: clean, updatedAt: nowIso() });
}

export async function touchProject(id: string): Promise<void> {
  await db.projects.update(id, { updatedAt: nowIso() });
}

/** The projects, newest first; one being deleted is no longer listed. */
export async function listProjects(): Promise<Project[]> {
  return (await db.projects.orderBy('updatedAt').reverse().toArray()).filter((p) => !p.deleting);
}

/** The projects, newest first, each with its article count read from the projectId index (no record is loaded). */
export async function listProjectsWithCounts(): Promise<{ project: Project; articles: number }[]> {
  return db.transaction('r', [db.projects, db.articles], async () => {
    const projects = await listProjects();
    const counts = await Promise.all(projects.map((p) => db.articles.where('projectId').equals(p.id).count()));
    return projects.map((project, i) => ({ project, articles: counts[i] ?? 0 }));
  });
}
